using System.ComponentModel;
using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.Campaigns;

/// <summary>The figures a campaign can set a target on (DESIGN §6).</summary>
[Description("目标指标: the figures a campaign can set a target on (DESIGN §6).")]
public enum CampaignFigure
{
    [Description("存量: backlog stock at the instant measured.")]
    Stock,
    [Description("越级访: PROVINCE and NATIONAL petitions since the baseline.")]
    HighLevelPetitions,
    [Description("新增积案: cases that entered the backlog since the baseline.")]
    BacklogIncrement,
    [Description("增量: new cases since the baseline.")]
    Increment,
    [Description("及时受理率 since the baseline.")]
    OnTimeAcceptanceRate,
    [Description("按期办结率 since the baseline.")]
    OnTimeConclusionRate,
    [Description("参评率 since the baseline.")]
    EvaluationRate,
    [Description("满意率 since the baseline.")]
    SatisfactionRate,
    [Description("重复信访率 since the baseline.")]
    RepeatPetitionRate,
}

[Description("How a target's figure is compared with its value.")]
public enum TargetComparison
{
    [Description("At least this many percent below the baseline value (stock −40 % is REDUCE_BY_PERCENT 40).")]
    ReduceByPercent,
    [Description("At most this value (zero backlog increment is AT_MOST 0).")]
    AtMost,
    [Description("At least this value; rates are fractions (100 % on time is AT_LEAST 1).")]
    AtLeast,
    [Description("Above the district's figure (高于全区平均) by more than value (0: simply above); the district figure is the one the office entered last for the latest period.")]
    AboveDistrict,
    [Description("Below the district's figure (低于全区平均) by more than value (0: simply below).")]
    BelowDistrict,
}

public sealed class CampaignTarget : IEntity
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public CampaignFigure Figure { get; set; }
    public TargetComparison Comparison { get; set; }
    public double Value { get; set; }
    /// <summary>When and by whom this target was set (null: before targets had a history).</summary>
    public DateTime? SetAt { get; set; }
    public string? SetBy { get; set; }

    public bool IsRelativeToDistrict => Comparison is TargetComparison.AboveDistrict or TargetComparison.BelowDistrict;
}

/// <summary>A target an update replaced: what it was, who set it and when, who replaced it and when. Never changed.</summary>
public sealed class CampaignTargetRevision : IEntity
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public CampaignFigure Figure { get; set; }
    public TargetComparison Comparison { get; set; }
    public double Value { get; set; }
    public DateTime? SetAt { get; set; }
    public string? SetBy { get; set; }
    public DateTime ReplacedAt { get; set; }
    public required string ReplacedBy { get; set; }
}
