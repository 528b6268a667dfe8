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
    /// <summary>The petitioner evaluated a reply.</summary>
    Evaluated,
    /// <summary>The task team recorded an activity (meeting, visit, assistance, …).</summary>
    ActivityRecorded,
    LeaderAssigned,
    LeaderUnassigned,
    /// <summary>A leader declared a conflict of interest (回避) with the case.</summary>
    ConflictDeclared,
    /// <summary>一案一策: a plan was set (replacing the previous one) or a step of it was done.</summary>
    PlanSet,
    PlanStepDone,
}
