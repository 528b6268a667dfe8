using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Cases.Lifecycle;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.Mutations;
using PetitionGraph.Api.Language;
using PetitionGraph.Api.Petitions;

namespace PetitionGraph.Api.Cases.Mutations;

public static partial class RegisterPetition
{
    public static void AddRegisterPetition(this ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<RegisterPetitionPayloadType>>("registerPetition")
            .Description("登记: record a petition as received — it opens a case (初信初访) or repeats one (重复信访).")
            .Argument<NonNullGraphType<RegisterPetitionInputType>>("input")
            .ResolveAsync(async context => await RunAsync(context));

    /// <summary>Concurrent repeats of one case race on its version; each retries from a fresh read this many times.</summary>
    private const int MaxAttempts = 5;

    private static async Task<RegisterPetitionPayload> RunAsync(IResolveFieldContext context)
    {
        var input = context.GetArgument<RegisterPetitionInput>("input");
        var db = context.Db();
        var services = context.RequestServices!;
        var scope = context.Scope();
        var now = MutationClock.Now(services);
        var key = input.IdempotencyKey?.Trim();
        var petitioners = input.Petitioners ?? [];
        if (ValidateInput(input, petitioners, now, key) is { } invalid)
        {
            return Refused(invalid);
        }
        var owner = scope.Caller?.OwnerKey ?? "anonymous";
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await AttemptAsync(context, input, petitioners, key is null ? null : (owner, key), now);
            }
            catch (DbUpdateException e)
            {
                // Another request changed the case (its version) or used the same key first: nothing of ours was kept.
                db.ChangeTracker.Clear();
                if (key is not null && await ReplayAsync(db, scope, owner, key, context.CancellationToken) is { } replay)
                {
                    return replay;
                }
                if (attempt == MaxAttempts)
                {
                    services.GetRequiredService<ILogger<RegisterPetitionPayload>>().LogWarning(e, "registerPetition gave up after {Attempts} conflicting attempts.", attempt);
                    return Refused(UserError.Conflict(new Msg(
                        "该案件同时被其他登记修改，本次未作任何记录；请重新提交登记。",
                        "The case was changed by other registrations at the same moment; nothing was recorded. Send the petition again.")));
                }
            }
        }
    }

    private static async Task<RegisterPetitionPayload> AttemptAsync(
        IResolveFieldContext context, RegisterPetitionInput input, IReadOnlyList<PetitionerInput> petitioners, (string Owner, string Key)? key, DateTime now)
    {
        var db = context.Db();
        var services = context.RequestServices!;
        var scope = context.Scope();
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        if (key is { } k && await ReplayAsync(db, scope, k.Owner, k.Key, context.CancellationToken) is { } replay)
        {
            return replay;
        }
        var request = new Registration(db, scope, input, petitioners, services.GetRequiredService<KeyClassRules>(), services.GetRequiredService<TimeLimits>(),
            CaseMutationRunner.Actor(context), context.CancellationToken);
        var (subject, petition, error) = input.CaseNumber is { } number
            ? await request.RepeatAsync(number.Trim())
            : await request.OpenAsync(services.GetRequiredService<OfficeTime>().ToOffice(input.ReceivedAt).Year);
        if (error is not null)
        {
            db.ChangeTracker.Clear();
            return Refused(error);
        }
        // A petition dated before the end of a closed period changes published figures: only with a reason, as a correction.
        var (closed, isCorrection) = await Periods.PeriodClosing.CheckAsync(db, input.ReceivedAt, input.CorrectionReason, "receivedAt",
            services.GetRequiredService<OfficeTime>(), context.CancellationToken);
        if (closed is not null)
        {
            db.ChangeTracker.Clear();
            return Refused(closed);
        }
        await db.SaveChangesAsync(context.CancellationToken);
        if (isCorrection)
        {
            db.Corrections.Add(new Periods.Correction
            {
                CaseId = subject!.Id,
                PetitionId = petition!.Id,
                DatedAt = input.ReceivedAt,
                RecordedAt = now,
                RecordedBy = CaseMutationRunner.Actor(context),
                Reason = input.CorrectionReason!.Trim(),
                Entry = "registerPetition",
            });
            await db.SaveChangesAsync(context.CancellationToken);
            // The closed periods it restates are computed afresh from now on: their roll-ups go, in this transaction.
            var receivedAt = input.ReceivedAt;
            await db.FigureRollups.Where(r => db.ClosedPeriods.Any(p => p.Id == r.PeriodId && p.End > receivedAt)).ExecuteDeleteAsync(context.CancellationToken);
        }
        if (key is { } made)
        {
            db.IdempotencyKeys.Add(new IdempotencyKey { Owner = made.Owner, Key = made.Key, CaseId = subject!.Id, PetitionId = petition!.Id, CreatedAt = now });
            await db.SaveChangesAsync(context.CancellationToken);
        }
        await transaction.CommitAsync(context.CancellationToken);
        return await VisibleResultAsync(db, scope, subject!, petition!, context.CancellationToken);
    }

    /// <summary>The caller's own earlier result for the key, or null when the caller never used it.</summary>
    private static async Task<RegisterPetitionPayload?> ReplayAsync(PetitionDbContext db, AccessScope scope, string owner, string key, CancellationToken ct)
    {
        var first = await db.IdempotencyKeys.FirstOrDefaultAsync(k => k.Owner == owner && k.Key == key, ct);
        if (first is null)
        {
            return null;
        }
        var subject = await db.Cases.Where(scope.Cases).FirstOrDefaultAsync(c => c.Id == first.CaseId, ct);
        return subject is null
            ? new RegisterPetitionPayload(null, null, [], Recorded: true, HiddenFromCaller: true)
            : new RegisterPetitionPayload(subject, await db.Petitions.FirstAsync(p => p.Id == first.PetitionId, ct), [], Recorded: true);
    }

    /// <summary>
    /// The registered case as the caller may see it: a petition may accuse the caller's own leader, and from then on the
    /// case is hidden from the caller's account (Art. 30) — the registration is confirmed without its contents.
    /// </summary>
    private static async Task<RegisterPetitionPayload> VisibleResultAsync(PetitionDbContext db, AccessScope scope, Case subject, Petition petition, CancellationToken ct) =>
        await db.Cases.Where(scope.Cases).AnyAsync(c => c.Id == subject.Id, ct)
            ? new RegisterPetitionPayload(subject, petition, [], Recorded: true)
            : new RegisterPetitionPayload(null, null, [], Recorded: true, HiddenFromCaller: true);

    private static UserError? ValidateInput(RegisterPetitionInput input, IReadOnlyList<PetitionerInput> petitioners, DateTime now, string? key)
    {
        if (input.ReceivedAt > now.AddMinutes(5))
        {
            return UserError.Validation("receivedAt", new Msg("receivedAt 不能晚于当前时间。", "receivedAt is in the future."));
        }
        if (input.PeopleCount is < 1 or > 10_000)
        {
            return UserError.Validation("peopleCount", new Msg("peopleCount 须在 1 至 10000 之间。", "peopleCount must be between 1 and 10000."));
        }
        if (key is { Length: 0 or > 128 })
        {
            return UserError.Validation("idempotencyKey", new Msg("idempotencyKey 长度须为 1 至 128 个字符。", "idempotencyKey must be 1 to 128 characters."));
        }
        foreach (var person in petitioners)
        {
            var error = Validate.Text("petitioners.name", person.Name, 64)
                ?? (person.IdNumber is { } id && !IdNumberPattern().IsMatch(id.Trim())
                    ? UserError.Validation("petitioners.idNumber", new Msg(
                        $"“{id}”不是有效的 18 位身份证号码（前 17 位为数字，末位为数字或 X）。",
                        $"'{id}' is not an 18-character ID number (17 digits and a digit or X).")) : null);
            if (error is not null)
            {
                return error;
            }
        }
        return null;
    }

    private static RegisterPetitionPayload Refused(UserError error) => new(null, null, [error], Recorded: false);

    [GeneratedRegex("^[0-9]{17}[0-9X]$")]
    private static partial Regex IdNumberPattern();
}
