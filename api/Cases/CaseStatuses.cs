using System.Linq.Expressions;

namespace PetitionGraph.Api.Cases;

/// <summary>
/// Which events set a case's status, and to what — written once for the projector (status now) and for reports that
/// show the status a case had at an earlier instant (the last such event before it).
/// </summary>
public static class CaseStatuses
{
    public static CaseStatus? After(CaseEventKind kind) => kind switch
    {
        CaseEventKind.Registered => CaseStatus.Registered,
        CaseEventKind.Accepted or CaseEventKind.Reopened => CaseStatus.Accepted,
        CaseEventKind.Declined => CaseStatus.Declined,
        CaseEventKind.Concluded => CaseStatus.Concluded,
        CaseEventKind.ReviewRequested => CaseStatus.UnderReview,
        CaseEventKind.Reviewed => CaseStatus.Reviewed,
        CaseEventKind.ReReviewRequested => CaseStatus.UnderSecondReview,
        CaseEventKind.ReReviewed => CaseStatus.SecondReviewed,
        CaseEventKind.Resolved => CaseStatus.Resolved,
        CaseEventKind.Terminated => CaseStatus.Terminated,
        _ => null,
    };

    /// <summary>The events <see cref="After"/> gives a status for, as a condition EF Core turns into SQL.</summary>
    public static readonly Expression<Func<CaseEvent, bool>> SetsStatus = e =>
        e.Kind == CaseEventKind.Registered || e.Kind == CaseEventKind.Accepted || e.Kind == CaseEventKind.Reopened
        || e.Kind == CaseEventKind.Declined || e.Kind == CaseEventKind.Concluded || e.Kind == CaseEventKind.ReviewRequested
        || e.Kind == CaseEventKind.Reviewed || e.Kind == CaseEventKind.ReReviewRequested || e.Kind == CaseEventKind.ReReviewed
        || e.Kind == CaseEventKind.Resolved || e.Kind == CaseEventKind.Terminated;
}
