namespace PetitionGraph.Api.Cases;

public enum CaseEventKind
{
    Registered,
    Accepted,
    Declined,
    Extended,
    Concluded,
    ReviewRequested,
    Reviewed,
    ReReviewRequested,
    ReReviewed,
    DesignatedBacklog,
    Resolved,
    Reopened,
    Terminated,
}
