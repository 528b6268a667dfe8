using System.ComponentModel;

namespace PetitionGraph.Api.Cases;

[Description("事件类型: what a step of a case's history records.")]
public enum CaseEventKind
{
    [Description("登记: the first petition was registered and the case opened.")]
    Registered,
    [Description("受理: the case was accepted for handling.")]
    Accepted,
    [Description("不予受理: the case was declined; the note says where to turn.")]
    Declined,
    [Description("延期: the conclusion limit was extended (once).")]
    Extended,
    [Description("办结: a written reply was given.")]
    Concluded,
    [Description("复查: the petitioner asked for a review.")]
    ReviewRequested,
    [Description("The review was answered.")]
    Reviewed,
    [Description("复核: the petitioner asked for a second review.")]
    ReReviewRequested,
    [Description("The second review was answered.")]
    ReReviewed,
    [Description("列为积案: the case was put on the backlog (e.g. from a superior's list).")]
    DesignatedBacklog,
    [Description("化解: the matter was settled and petitioning stopped.")]
    Resolved,
    [Description("The case was reopened after a reply or resolution.")]
    Reopened,
    [Description("终结: not taken up again on the same facts.")]
    Terminated,
    [Description("The petitioner evaluated a reply.")]
    Evaluated,
    [Description("The task team recorded an activity (meeting, visit, assistance, …).")]
    ActivityRecorded,
    [Description("包案: a leader became answerable for the case.")]
    LeaderAssigned,
    [Description("A leader's assignment to the case ended.")]
    LeaderUnassigned,
    [Description("A leader declared a conflict of interest (回避) with the case.")]
    ConflictDeclared,
    [Description("一案一策: a plan was set (replacing the previous one) or a step of it was done.")]
    PlanSet,
    [Description("一案一策: a step of the plan was done.")]
    PlanStepDone,
    [Description("交办: a part of the case was referred to a responsible unit.")]
    Referred,
    [Description("签收: a unit took a referral.")]
    ReferralAccepted,
    [Description("反馈: a unit replied to a referral with its measures and result.")]
    ReferralReplied,
    [Description("退回: a unit returned a referral, with the reason.")]
    ReferralReturned,
    [Description("催办: the office urged a unit to answer a referral.")]
    ReferralUrged,
    [Description("专班: the case was put in a task team's hands (the note names it), or taken out.")]
    TeamAssigned,
}
