using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.Campaigns;

/// <summary>
/// 专项行动: a campaign against the backlog, measured against the figures at its baseline date
/// (e.g. stock −40 %, zero backlog increment, 100 % on-time acceptance).
/// </summary>
public sealed class Campaign : IEntity
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>The instant the targets are measured against (基准日).</summary>
    public DateTime BaselineAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
    public List<CampaignPhase> Phases { get; set; } = [];
    public List<CampaignTarget> Targets { get; set; } = [];
    /// <summary>牵头领导: the leaders at its head, in the order the plan names them.</summary>
    public List<CampaignHead> Heads { get; set; } = [];
    /// <summary>Targets an update replaced: the history of what the campaign was asked to achieve.</summary>
    public List<CampaignTargetRevision> TargetHistory { get; set; } = [];
}
