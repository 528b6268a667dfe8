using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.Cases;

/// <summary>
/// A span during which a case was in the backlog (积案): from designation or the first missed due instant until
/// it was resolved or terminated; a case reopened after that is in the backlog again. Derived from the events
/// in the same transaction, so "stock at t" is one range query, at any past instant.
/// </summary>
public sealed class CaseBacklogInterval : IEntity
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public Case? Case { get; set; }
    public DateTime EnteredAt { get; set; }
    public DateTime? LeftAt { get; set; }
}
