using System.ComponentModel;

namespace PetitionGraph.Api.Cases;

/// <summary>Where a case stands; derived from its last events (the events are the truth).</summary>
[Description("案件状态: where a case stands, derived from its events.")]
public enum CaseStatus
{
    [Description("Registered, acceptance not yet decided.")]
    Registered,
    [Description("受理: accepted and being handled.")]
    Accepted,
    [Description("不予受理: declined, routed elsewhere.")]
    Declined,
    [Description("办结: concluded with a written reply.")]
    Concluded,
    [Description("复查 requested, not yet answered.")]
    UnderReview,
    [Description("复查 answered.")]
    Reviewed,
    [Description("复核 requested, not yet answered.")]
    UnderSecondReview,
    [Description("复核 answered.")]
    SecondReviewed,
    [Description("化解: settled, petitioning stopped.")]
    Resolved,
    [Description("终结: no further acceptance on the same facts.")]
    Terminated,
}
