using PetitionGraph.Reporting.Charts;
using PetitionGraph.Reporting.Layout;

namespace PetitionGraph.Reporting.Kinds;

/// <summary>信访工作月报: the period's figures against campaign targets, the stock trend, increment and resolved, rates and their trend, by category.</summary>
public sealed class MonthlyOverviewReport : ReportDefinition
{
    public override ReportKind Kind => ReportKind.MonthlyOverview;

    public override string Name => "monthly-overview";

    public override string Title => "信访工作月报";

    internal override void Lay(ReportLayoutBuilder builder, ReportData data)
    {
        // The summary with 环比, 同比, 本年累计 and targets is a sheet too (本期概况, numbers an analyst can sort and chart);
        // 本期汇总 is the same period as one wide row, every rate with its numerator and denominator.
        builder.Section("本期概况", data.Period is { } period
            ? builder.Table(FigureTables.Summary(period, data.StockTarget, data.RateTargets, data.Comparison))
            : [new NotePart(ReportLayouts.NoData)]);
        if (data.Period is { } p)
        {
            builder.Sheet(FigureTables.Wide("本期汇总", "统计期", [p], _ => data.Context.PeriodLabel, overBuckets: true));
        }

        builder.Section("积案存量趋势", builder.Chart(data.Trend.Count > 0, () => StockTrendChart.Render(data.Trend, data.StockTarget)));
        builder.Section("新增与化解", builder.Chart(data.Trend.Count > 0, () => IncrementResolvedChart.Render(data.Trend)));
        builder.Section("工作指标与目标", builder.Chart(data.Period is not null, () => RatesChart.Render(data.Period, data.RateTargets)));
        builder.Section("工作指标趋势", builder.Chart(data.Trend.Count > 0, () => RateTrendChart.Render(data.Trend)));
        builder.Section("分领域存量与增量", builder.Chart(data.ByCategory.Count > 0, () => CategoryChart.Render(data.ByCategory)));
        builder.Section("各期数据", builder.Table(FigureTables.Trend(data.Trend)));
        if (data.Restated.Count > 0)
        {
            // Only when there is something to say: a closed period's published figure changed by a correction.
            builder.Section("上期数据更正",
            [
                new NotePart("以下已公布期间的数据因本期补录的事项而更正（原公布数不变，更正后为按现有记录重新计算）。"),
                .. builder.Table(FigureTables.Restated(data.Restated)),
            ]);
        }
        builder.Sheet(FigureTables.Groups("分领域", "领域", data.ByCategory, "未分类"));
    }
}
