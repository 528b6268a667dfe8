namespace PetitionGraph.Reporting;

/// <summary>A campaign target. Figure and Comparison are display strings (Chinese), e.g. "积案存量", "较基线下降".</summary>
public sealed record CampaignTargetRow(string Figure, string Comparison, double Target, double? Baseline, double? Current, bool Met)
{
    /// <summary>When true, Target, Baseline and Current are fractions shown as percentages (0.4 → "40.0%").</summary>
    public bool Percent { get; init; }

    /// <summary>
    /// True for a figure taken at an instant (stock: at the baseline date and now); false for one counted over a span
    /// (since the baseline date, against the equally long span before it).
    /// </summary>
    public bool PointInTime { get; init; }
}
