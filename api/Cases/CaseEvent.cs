using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.Cases;

/// <summary>One step in a case's history. Append-only: never updated, never deleted.</summary>
public sealed class CaseEvent : IEntity
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public Case? Case { get; set; }
    public DateTime At { get; set; }
    public CaseEventKind Kind { get; set; }
    public required string Actor { get; set; }
    public string? Note { get; set; }
    /// <summary>A due instant this event sets (the new conclusion deadline of an extension).</summary>
    public DateTime? DueAt { get; set; }
    /// <summary>Where a designation or a decision came from (a superior's list, the receiving channel).</summary>
    public string? Source { get; set; }
}
