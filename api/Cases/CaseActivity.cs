using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.Cases;

/// <summary>The task team's records (五个有) plus visits and assistance.</summary>
public enum ActivityKind
{
    CoordinationMeeting,
    Reply,
    Negotiation,
    Hearing,
    OnlineRegistration,
    Visit,
    Assistance,
}

public sealed class CaseActivity : IEntity
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public Case? Case { get; set; }
    public DateTime At { get; set; }
    public ActivityKind Kind { get; set; }
    public required string Summary { get; set; }
    public required string Actor { get; set; }
}
