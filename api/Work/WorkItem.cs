using System.ComponentModel;
using System.Linq.Expressions;
using PetitionGraph.Api.Cases;

namespace PetitionGraph.Api.Work;

[Description("待办类别: what kind of step waits.")]
public enum WorkKind
{
    [Description("告知: accept or decline the petition (the notice limit).")]
    Acceptance,
    [Description("办结: conclude the case with a written reply (the conclusion limit, extended or not).")]
    Conclusion,
    [Description("复查: answer the request for review.")]
    Review,
    [Description("复核: answer the request for a second review.")]
    SecondReview,
    [Description("一案一策: a step of the case's current plan not done yet.")]
    PlanStep,
    [Description("交办: a referral to the unit, not answered yet (UNIT).")]
    Referral,
}

/// <summary>One thing waiting on the caller: a case's pending step, one of its open plan steps, or a unit's referral.</summary>
public sealed record WorkItem(WorkKind Kind, int CaseId, DateTime DueAt, string? Description, string? Owner);

/// <summary>What counts as waiting, written once for <c>myWork</c> and the reminders.</summary>
public static class PendingWork
{
    /// <summary>A plan step not done, not replaced by a newer plan, on a case still open.</summary>
    public static readonly Expression<Func<CasePlanStep, bool>> OpenPlanStep = s =>
        s.SupersededAt == null && s.DoneAt == null
        && s.Case!.Status != CaseStatus.Resolved && s.Case.Status != CaseStatus.Terminated && s.Case.Status != CaseStatus.Declined;

    /// <summary>The step a case with a next due instant waits for, by its status.</summary>
    public static WorkKind KindOf(CaseStatus status) => status switch
    {
        CaseStatus.Registered => WorkKind.Acceptance,
        CaseStatus.UnderReview => WorkKind.Review,
        CaseStatus.UnderSecondReview => WorkKind.SecondReview,
        _ => WorkKind.Conclusion,
    };
}
