using PetitionGraph.Api.Cases.Lifecycle;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL.Mutations;
using PetitionGraph.Api.Language;

namespace PetitionGraph.Api.Cases.Mutations;

/// <summary>One step applied to one loaded case: the checks it must pass and the events it appends.</summary>
public sealed class CaseCommand(Case subject, DateTime now, TimeLimits limits, string actor, string mutation, PetitionDbContext db)
{
    public Case Case { get; } = subject;
    public DateTime Now { get; } = now;
    public TimeLimits Limits { get; } = limits;
    public string Actor { get; } = actor;

    /// <summary>Who asks (their role decides what some steps allow); null for the process itself.</summary>
    public Access.Caller? Caller { get; init; }
    public PetitionDbContext Db { get; } = db;

    public UserError? Require(params CaseStatus[] allowed)
    {
        if (allowed.Contains(Case.Status))
        {
            return null;
        }
        var status = EnumNames.Name(Case.Status);
        return UserError.InvalidState(Case.Status == CaseStatus.Terminated
            ? new Msg(
                $"案件 {Case.Number} 已终结（{status}），不能执行 {mutation}：复核后同一事项不再受理。",
                $"{mutation} is not possible: case {Case.Number} is {status} (终结: after the second review the same matter is not taken up again).")
            : new Msg(
                $"案件 {Case.Number} 当前状态为 {status}，不能执行 {mutation}；须处于 {string.Join(" 或 ", allowed.Select(s => EnumNames.Name(s)))} 状态。",
                $"{mutation} is not possible: case {Case.Number} is {status}; it needs {string.Join(" or ", allowed.Select(s => EnumNames.Name(s)))}."));
    }

    /// <summary>Refuses once the deadline has passed; <paramref name="what"/> names the time limit (e.g. 办结期限 / The conclusion limit).</summary>
    public UserError? Before(DateTime? deadline, Msg what) =>
        deadline is { } d && Now > d
            ? UserError.Deadline(new Msg(
                $"案件 {Case.Number} 的{what.Zh}已于 {d:yyyy-MM-dd HH:mm}（UTC）届满。",
                $"{what.En} ended on {d:yyyy-MM-dd HH:mm} UTC; case {Case.Number}."))
            : null;

    /// <summary>Appends an event (history is append-only); returns null so it can end a chain of checks.</summary>
    public UserError? Append(CaseEventKind kind, string? note = null, DateTime? dueAt = null, string? source = null, DateTime? at = null)
    {
        Case.Events.Add(new CaseEvent { CaseId = Case.Id, At = at ?? Now, Kind = kind, Actor = Actor, Note = note?.Trim(), DueAt = dueAt, Source = source?.Trim() });
        return null;
    }
}
