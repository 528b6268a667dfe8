using System.ComponentModel;
using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.Campaigns;

[Description("专项行动阶段: the phases of a backlog campaign.")]
public enum CampaignPhaseKind
{
    [Description("排查: find and register every backlog case.")]
    Screening,
    [Description("施策: a plan and named leaders for each case.")]
    Planning,
    [Description("攻坚: concentrated effort to resolve.")]
    ConcentratedEffort,
    [Description("巩固: consolidate and prevent new backlog.")]
    Consolidation,
}

/// <summary>A phase of a campaign, office-time instants [From, To).</summary>
public sealed class CampaignPhase : IEntity
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public CampaignPhaseKind Kind { get; set; }
    public DateTime From { get; set; }
    public DateTime To { get; set; }
}
