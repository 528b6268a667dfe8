using GraphQL;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Cases.Lifecycle;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.Mutations;
using PetitionGraph.Api.GraphQL.Relay;
using PetitionGraph.Api.Language;

namespace PetitionGraph.Api.Cases.Mutations;

/// <summary>
/// Runs one step on one case in one transaction: load, check the expected version, apply the step's rules,
/// append its events, re-derive the projections from the whole history, save. Any refusal or conflict
/// rolls everything back and is reported in <c>userErrors</c>.
/// </summary>
public static class CaseMutationRunner
{
    public static async Task<CasePayload> RunAsync(
        IResolveFieldContext context, string mutation, string caseId, int? expectedVersion,
        Func<CaseCommand, Task<UserError?>> step)
    {
        if (!GlobalId.TryDecode(caseId, out var type, out var id) || type != "Case")
        {
            return CasePayload.Refused(UserError.Validation("caseId", new Msg($"“{caseId}”不是案件 ID。", $"'{caseId}' is not a case id.")));
        }
        var db = context.Db();
        var services = context.RequestServices!;
        var now = MutationClock.Now(services);
        var limits = services.GetRequiredService<TimeLimits>();
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        var subject = await db.Cases.AsTracking().Where(context.Scope().Cases).WithHistory()
            .FirstOrDefaultAsync(c => c.Id == id, context.CancellationToken);
        if (subject is null)
        {
            return CasePayload.Refused(UserError.NotFound("caseId", new Msg($"案件 {caseId} 不存在，或你无权修改。", $"There is no case {caseId} that you may change.")));
        }
        if (expectedVersion is { } expected && expected != subject.Version)
        {
            return CasePayload.Refused(UserError.Conflict(new Msg(
                $"案件 {subject.Number} 已被他人修改（版本 {subject.Version}，你读取的是 {expected}）；请重新读取后再试。",
                $"Case {subject.Number} has changed (version {subject.Version}, you expected {expected}); read it again and retry.")));
        }
        var error = await step(new CaseCommand(subject, now, limits, Actor(context), mutation, db) { Caller = context.Scope().Caller });
        if (error is not null)
        {
            return CasePayload.Refused(error);
        }
        CaseProjector.Project(subject, subject.Events, limits);
        subject.Version++;
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
            // A step done (or moved) takes its reminders back in the same transaction.
            await Reminders.ReminderSweep.WithdrawDoneAsync(db, now, subject.Id, context.CancellationToken);
            await transaction.CommitAsync(context.CancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CasePayload.Refused(UserError.Conflict(new Msg(
                $"案件 {subject.Number} 同时被他人修改；请重新读取后再试。",
                $"Case {subject.Number} was changed by someone else at the same time; read it again and retry.")));
        }
        return CasePayload.Ok(subject);
    }

    public static string Actor(IResolveFieldContext context) =>
        context.User?.Identity?.Name is { Length: > 0 } name ? name : "office";
}
