using PetitionGraph.Api.Cases.Lifecycle;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL.Mutations;

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

    public UserError? Require(params CaseStatus[] allowed) =>
        allowed.Contains(Case.Status)
            ? null
            : UserError.InvalidState(
                $"{mutation} is not possible: case {Case.Number} is {EnumNames.Name(Case.Status)}" +
                (Case.Status == CaseStatus.Terminated
                    ? " (终结: after the second review the same matter is not taken up again)."
                    : $"; it needs {string.Join(" or ", allowed.Select(s => EnumNames.Name(s)))}."));


    public UserError? Before(DateTime? deadline, string what) =>
        deadline is { } d && Now > d
            ? UserError.Deadline($"{what} ended on {d:yyyy-MM-dd HH:mm} UTC; case {Case.Number}.")
            : null;

    /// <summary>Appends an event (history is append-only); returns null so it can end a chain of checks.</summary>
    public UserError? Append(CaseEventKind kind, string? note = null, DateTime? dueAt = null, string? source = null, DateTime? at = null)
    {
        Case.Events.Add(new CaseEvent { CaseId = Case.Id, At = at ?? Now, Kind = kind, Actor = Actor, Note = note?.Trim(), DueAt = dueAt, Source = source?.Trim() });
        return null;
    }
}
