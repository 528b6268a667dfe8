namespace PetitionGraph.Reporting;

/// <summary>A campaign's phases and its targets measured against the baseline date.</summary>
public sealed record CampaignProgress(
    string Name,
    DateTime Baseline,
    IReadOnlyList<CampaignPhaseRow> Phases,
    IReadOnlyList<CampaignTargetRow> Targets)
{
    /// <summary>The instant the targets are measured at (the period's end, or now for a current period).</summary>
    public DateTime? AsOf { get; init; }
}
