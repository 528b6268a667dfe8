namespace PetitionGraph.Reporting;

/// <summary>A campaign's phases and its targets measured against the baseline date.</summary>
public sealed record CampaignProgress(
    string Name,
    DateTime Baseline,
    IReadOnlyList<CampaignPhaseRow> Phases,
    IReadOnlyList<CampaignTargetRow> Targets);
