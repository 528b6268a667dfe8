using PetitionGraph.Api.Campaigns;
using PetitionGraph.Reporting;

namespace PetitionGraph.Api.Reports.Kinds;

/// <summary>What every kind gathers from: the period, the instant it is as of, the reader, the campaign in force.</summary>
public sealed record ReportRequest(ReportPeriod Period, DateTime AsOf, DateTime Now, bool ShowsNames, Campaign? Campaign, IReadOnlyList<TargetProgress> Progress);

/// <summary>
/// The data of one report kind, gathered from the database into the reporting library's records. One class per kind
/// (beside its definition in reporting/Kinds), found by <see cref="ReportSources"/>: a new kind without one fails
/// loudly instead of quietly becoming another kind's report.
/// </summary>
public interface IReportSource
{
    ReportKind Kind { get; }

    /// <summary>
    /// Whether the kind shows the campaign's targets (its progress is measured only then: at 1M cases that is a
    /// fifth of a second the other kinds need not wait for).
    /// </summary>
    bool ShowsTargets => false;

    Task<ReportData> GatherAsync(ReportDataBuilder from, ReportData data, ReportRequest request, CancellationToken ct);
}

public static class ReportSources
{
    public static IReadOnlyList<IReportSource> All { get; } =
    [
        new MonthlyOverviewSource(), new ByCategorySource(), new ByVillageSource(), new LeaderOwnershipSource(),
        new DueListSource(), new KeyCasesSource(), new CampaignProgressSource(),
    ];

    private static readonly Dictionary<ReportKind, IReportSource> ByKind = All.ToDictionary(s => s.Kind);

    public static IReportSource For(ReportKind kind) =>
        ByKind.TryGetValue(kind, out var source) ? source : throw new KeyNotFoundException($"Report kind {kind} has no data source.");
}
