using PetitionGraph.Api.Categories;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.Leaders;
using PetitionGraph.Api.Petitions;
using PetitionGraph.Api.Villages;

namespace PetitionGraph.Api.Cases;

/// <summary>
/// 信访事项: the matter. Columns after <see cref="Status"/> are projections of the event history,
/// maintained in the same transaction as the events so that filters and figures stay in SQL.
/// </summary>
public sealed class Case : IEntity
{
    public int Id { get; set; }
    /// <summary>Year and sequence, e.g. 2021-0042; unique and never reused.</summary>
    public required string Number { get; set; }
    public required string Title { get; set; }
    /// <summary>诉求: what the petitioners ask for.</summary>
    public required string Demand { get; set; }
    public int CategoryId { get; set; }
    public Category? Category { get; set; }
    public int VillageId { get; set; }
    public Village? Village { get; set; }

    public CaseStatus Status { get; set; }
    public DateTime OpenedAt { get; set; }
    public DateTime AcceptDueAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public DateTime? ConcludeDueAt { get; set; }
    public DateTime? ConcludedAt { get; set; }
    /// <summary>The last written answer (conclusion, review or second review): windows for review and evaluation run from it.</summary>
    public DateTime? RepliedAt { get; set; }
    /// <summary>Due instant of the step now pending (notice, conclusion, review answer); null when none is.</summary>
    public DateTime? NextDueAt { get; set; }
    /// <summary>The one permitted extension has been granted.</summary>
    public bool Extended { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public DateTime? TerminatedAt { get; set; }
    /// <summary>When the case last entered the backlog (designated, or first overdue); null if never. All spans: BacklogIntervals.</summary>
    public DateTime? BacklogSince { get; set; }
    /// <summary>When it last left the backlog (resolved or terminated); null while in it.</summary>
    public DateTime? BacklogUntil { get; set; }
    /// <summary>五类 class 1, 2, 3 or 5 as the petitions make it (class 4 depends on time: see KeyClassRules).</summary>
    public int? PetitionKeyClass { get; set; }
    public DateTime LastPetitionAt { get; set; }
    public int PetitionCount { get; set; }
    public int HighLevelPetitionCount { get; set; }
    /// <summary>Optimistic concurrency token: bumped by every change.</summary>
    public int Version { get; set; }

    public List<CasePetitioner> Petitioners { get; set; } = [];
    public List<Petition> Petitions { get; set; } = [];
    public List<LeaderAssignment> Assignments { get; set; } = [];
    public List<CaseEvent> Events { get; set; } = [];
    public List<CaseActivity> Activities { get; set; } = [];
    /// <summary>Every plan step ever set, superseded ones included: the plan is the steps not superseded.</summary>
    public List<CasePlanStep> PlanSteps { get; set; } = [];
    public List<Evaluation> Evaluations { get; set; } = [];
    public List<CaseAccusedLeader> AccusedLeaders { get; set; } = [];
    /// <summary>Leaders who declared a conflict of interest (回避): treated like the accused — the case is hidden from them.</summary>
    public List<LeaderConflict> Conflicts { get; set; } = [];
    public List<CaseBacklogInterval> BacklogIntervals { get; set; } = [];
    public List<CaseDeadline> Deadlines { get; set; } = [];
    /// <summary>化解方式 and 救助: how the case was settled, while it is (cleared when reopened).</summary>
    public int? SettlementWayId { get; set; }
    public Settlement.SettlementWay? SettlementWay { get; set; }
    public Settlement.AssistanceKind? AssistanceKind { get; set; }
    public decimal? AssistanceAmount { get; set; }
    /// <summary>专班: the task team working the case, if any.</summary>
    public int? TeamId { get; set; }
    public Teams.Team? Team { get; set; }
    /// <summary>交办: the parts of the case referred to responsible units.</summary>
    public List<Units.Referral> Referrals { get; set; } = [];

    /// <summary>The campaigns whose case list holds this case (专项行动 台账).</summary>
    public List<Campaigns.CampaignCase> CampaignCases { get; set; } = [];

    /// <summary>Overdue at <paramref name="instant"/> (<see cref="CaseRules.Overdue"/>, the rule SQL filters use too).</summary>
    public bool OverdueAt(DateTime instant) => CaseRules.IsOverdue(this, instant);

    /// <summary>In backlog at <paramref name="instant"/> (<see cref="CaseRules.InBacklog"/>, the rule SQL filters use too).</summary>
    public bool InBacklogAt(DateTime instant) => CaseRules.IsInBacklog(this, instant);
}
