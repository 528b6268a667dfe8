using PetitionGraph.Api.Statistics;
using PetitionGraph.Reporting;

namespace PetitionGraph.Api.Reports.Kinds;

/// <summary>The period, the twelve periods ending with it, what it is compared with (环比, 同比, 本年累计), the period by category, and 上期数据更正.</summary>
public sealed class MonthlyOverviewSource : IReportSource
{
    public ReportKind Kind => ReportKind.MonthlyOverview;

    public bool ShowsTargets => true;

    public async Task<ReportData> GatherAsync(ReportDataBuilder from, ReportData data, ReportRequest request, CancellationToken ct)
    {
        // The trend ends with the period itself: its last bucket is the period's figures.
        var trend = await from.TrendAsync(request.Period, request.Now, ct);
        return data with
        {
            Trend = trend,
            Period = trend[^1],
            Comparison = await from.ComparisonAsync(request.Period, trend, request.Now, ct),
            ByCategory = await from.FiguresAsync([ReportDataBuilder.Bucket(request.Period)], [StatisticsDimension.Category], request.Now, ct),
            Restated = await from.RestatedAsync(request.Period.Start, request.AsOf, request.Now, ct),
        };
    }
}
