using System.ComponentModel;

namespace PetitionGraph.Api.Changes;

/// <summary>
/// What a change feed entry says happened: every case event by its own name (described once, on
/// <see cref="Cases.CaseEventKind"/>; the schema takes those descriptions), a repeat petition, reference data.
/// </summary>
[Description("变更类型: what a change feed entry says happened.")]
public enum ChangeKind
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
    Evaluated,
    ActivityRecorded,
    LeaderAssigned,
    LeaderUnassigned,
    ConflictDeclared,
    PlanSet,
    PlanStepDone,
    Referred,
    ReferralAccepted,
    ReferralReplied,
    ReferralReturned,
    ReferralUrged,
    TeamAssigned,

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
