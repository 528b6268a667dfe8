using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.Cases;

/// <summary>
/// 一案一策: one step of a case's plan — what, who, by when. Setting a new plan supersedes the old steps
/// (they are kept, with the instant they were superseded), so the plan's history is never lost.
/// </summary>
public sealed class CasePlanStep : IEntity
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public Case? Case { get; set; }
    public int Position { get; set; }
    public required string Description { get; set; }
    public required string Owner { get; set; }
    public DateTime DueAt { get; set; }
    public DateTime? DoneAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SupersededAt { get; set; }
}
