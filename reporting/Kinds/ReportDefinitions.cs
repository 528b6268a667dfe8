namespace PetitionGraph.Reporting.Kinds;

/// <summary>Every report kind's definition, by kind and by name. A kind without one is an error, never a fallback.</summary>
public static class ReportDefinitions
{
    public static IReadOnlyList<ReportDefinition> All { get; } =
    [
        new MonthlyOverviewReport(), new ByCategoryReport(), new ByVillageReport(), new LeaderOwnershipReport(),
        new DueListReport(), new KeyCasesReport(), new CampaignProgressReport(),
    ];

    private static readonly Dictionary<ReportKind, ReportDefinition> ByKind = All.ToDictionary(d => d.Kind);

    public static ReportDefinition For(ReportKind kind) =>
        ByKind.TryGetValue(kind, out var definition) ? definition : throw new KeyNotFoundException($"Report kind {kind} has no definition.");

    public static bool TryParse(string? name, out ReportKind kind)
    {
        var found = All.FirstOrDefault(d => string.Equals(d.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
        kind = found?.Kind ?? default;
        return found is not null;
    }
}
