namespace PetitionGraph.Api.Cases;

/// <summary>Where a case stands; derived from its last events (the events are the truth).</summary>
public enum CaseStatus
{
    /// <summary>Registered, acceptance not yet decided.</summary>
    Registered,
    /// <summary>受理: accepted and being handled.</summary>
    Accepted,
    /// <summary>不予受理: declined, routed elsewhere.</summary>
    Declined,
    /// <summary>办结: concluded with a written reply.</summary>
    Concluded,
    /// <summary>复查 requested, not yet answered.</summary>
    UnderReview,
    /// <summary>复查 answered.</summary>
    Reviewed,
    /// <summary>复核 requested, not yet answered.</summary>
    UnderSecondReview,
    /// <summary>复核 answered.</summary>
    SecondReviewed,
    /// <summary>化解: settled, petitioning stopped.</summary>
    Resolved,
    /// <summary>终结: no further acceptance on the same facts.</summary>
    Terminated,
}
