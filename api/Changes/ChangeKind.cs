using System.ComponentModel;

namespace PetitionGraph.Api.Changes;

/// <summary>What a change feed entry says happened: every case event by its own name, a repeat petition, reference data.</summary>
[Description("变更类型: what a change feed entry says happened.")]
public enum ChangeKind
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

    [Description("重复信访: a repeat petition was registered on the case.")]
    PetitionReceived,
    [Description("A village or community was created or changed (name, aliases, active).")]
    VillageChanged,
    [Description("A leader was created or changed.")]
    LeaderChanged,
    [Description("A domain category was created or changed.")]
    CategoryChanged,
    [Description("A campaign was created or changed.")]
    CampaignChanged,
}
