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
}
