using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Cases.Lifecycle;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.Mutations;

namespace PetitionGraph.Api.Cases.Mutations;

public static partial class RegisterPetition
{
    public static void AddRegisterPetition(this ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<RegisterPetitionPayloadType>>("registerPetition")
            .Description("登记: record a petition as received — it opens a case (初信初访) or repeats one (重复信访).")
            .Argument<NonNullGraphType<RegisterPetitionInputType>>("input")
            .ResolveAsync(async context => await RunAsync(context));

    private static async Task<RegisterPetitionPayload> RunAsync(IResolveFieldContext context)
    {
        var raw = (IDictionary<string, object?>)context.Arguments!["input"].Value!;
        var input = new StepInput(raw);
        var db = context.Db();
        var services = context.RequestServices!;
        var now = MutationClock.Now(services);
        var office = services.GetRequiredService<OfficeTime>();
        var key = input.Text("idempotencyKey")?.Trim();
        var petitioners = raw.TryGetValue("petitioners", out var list) && list is IEnumerable<object?> people
            ? people.OfType<IDictionary<string, object?>>().Select(x => new StepInput(x)).ToList()
            : [];
        if (ValidateInput(input, petitioners, now, key) is { } invalid)
        {
            return Refused(invalid);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        if (key is not null && await ReplayAsync(db, key, context.CancellationToken) is { } replay)
        {
            return replay;
        }
        var request = new Registration(db, input, petitioners, services.GetRequiredService<KeyClassRules>(), services.GetRequiredService<TimeLimits>(),
            CaseMutationRunner.Actor(context), context.CancellationToken);
        var (subject, petition, error) = input.Text("caseNumber") is { } number
            ? await request.RepeatAsync(number.Trim())
            : await request.OpenAsync(office.ToOffice(input.Instant("receivedAt")!.Value).Year);
        if (error is not null)
        {
            return Refused(error);
        }
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
            if (key is not null)
            {
                db.IdempotencyKeys.Add(new IdempotencyKey { Key = key, CaseId = subject!.Id, PetitionId = petition!.Id, CreatedAt = now });
                await db.SaveChangesAsync(context.CancellationToken);
            }
            await transaction.CommitAsync(context.CancellationToken);
        }
        catch (DbUpdateException) when (key is not null)
        {
            // Another request with the same key won the race: nothing of ours is kept; answer with its result.
            await transaction.RollbackAsync(context.CancellationToken);
            db.ChangeTracker.Clear();
            return await ReplayAsync(db, key, context.CancellationToken) ?? throw new InvalidOperationException("Idempotency key conflict without a first result.");
        }
        return new RegisterPetitionPayload(subject, petition, []);
    }

    private static async Task<RegisterPetitionPayload?> ReplayAsync(PetitionDbContext db, string key, CancellationToken ct)
    {
        var first = await db.IdempotencyKeys.FirstOrDefaultAsync(k => k.Key == key, ct);
        return first is null
            ? null
            : new RegisterPetitionPayload(await db.Cases.FirstAsync(c => c.Id == first.CaseId, ct), await db.Petitions.FirstAsync(p => p.Id == first.PetitionId, ct), []);
    }

    private static UserError? ValidateInput(StepInput input, List<StepInput> petitioners, DateTime now, string? key)
    {
        if (input.Instant("receivedAt") is { } received && received > now.AddMinutes(5))
        {
            return UserError.Validation("receivedAt", "receivedAt is in the future.");
        }
        if (input.Int("peopleCount") is < 1 or > 10_000)
        {
            return UserError.Validation("peopleCount", "peopleCount must be between 1 and 10000.");
        }
        if (key is { Length: 0 or > 128 })
        {
            return UserError.Validation("idempotencyKey", "idempotencyKey must be 1 to 128 characters.");
        }
        foreach (var person in petitioners)
        {
            var error = Validate.Text("petitioners.name", person.Text("name"), 64)
                ?? (person.Text("idNumber") is { } id && !IdNumberPattern().IsMatch(id.Trim())
                    ? UserError.Validation("petitioners.idNumber", $"'{id}' is not an 18-character ID number (17 digits and a digit or X).") : null);
            if (error is not null)
            {
                return error;
            }
        }
        return null;
    }

    private static RegisterPetitionPayload Refused(UserError error) => new(null, null, [error]);

    [GeneratedRegex("^[0-9]{17}[0-9X]$")]
    private static partial Regex IdNumberPattern();
}
