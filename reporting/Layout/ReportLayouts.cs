using PetitionGraph.Reporting.Charts;
using PetitionGraph.Reporting.Formatting;

namespace PetitionGraph.Reporting.Layout;

/// <summary>Which sections, sheets and charts each report kind has.</summary>
internal static class ReportLayouts
{
    public const string NoData = "无数据";

    public static ReportLayout Build(ReportData data)
    {
        var builder = new Builder(new OfficeClock(data.Context.TimeZone));
        switch (data.Kind)
        {
            case ReportKind.MonthlyOverview:
                MonthlyOverview(builder, data);
                break;
            case ReportKind.ByCategory:
                builder.Section("分领域情况", builder.Table(FigureTables.Groups("分领域", "领域", data.ByCategory, "未分类")));
                builder.Section("分领域存量与增量", builder.Chart(data.ByCategory.Count > 0, () => CategoryChart.Render(data.ByCategory)));
                break;
            case ReportKind.ByVillage:
                builder.Section("分村（社区）情况", builder.Table(FigureTables.Groups("分村（社区）", "村（社区）", data.ByVillage, "未分村")));
                builder.Section("分村（社区）存量与新增", builder.Chart(data.ByVillage.Count > 0, () => VillageChart.Render(data.ByVillage)));
                break;
            case ReportKind.LeaderOwnership:
                builder.Section("领导包案情况汇总表", [new NotePart($"共 {data.Ownership.Count} 件。"), .. builder.Table(CaseTables.Ownership(data.Ownership))]);
                break;
            case ReportKind.DueList:
                DueList(builder, data);
                break;
            case ReportKind.KeyCases:
                KeyCases(builder, data);
                break;
            case ReportKind.CampaignProgress:
                Campaign(builder, data);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(data), data.Kind, "Unknown report kind.");
        }

        return builder.Build();
    }

    private static void MonthlyOverview(Builder builder, ReportData data)
    {
        builder.Section("本期概况", data.Period is { } period
            ? [new TablePart(FigureTables.Summary(period, data.StockTarget, data.RateTargets))]
            : [new NotePart(NoData)]);
        if (data.Period is { } p)
        {
            builder.Sheet(FigureTables.Wide("本期汇总", "统计期", [p], _ => data.Context.PeriodLabel));
        }

        builder.Section("积案存量趋势", builder.Chart(data.Trend.Count > 0, () => StockTrendChart.Render(data.Trend, data.StockTarget)));
        builder.Section("新增与化解", builder.Chart(data.Trend.Count > 0, () => IncrementResolvedChart.Render(data.Trend)));
        builder.Section("工作指标与目标", builder.Chart(data.Period is not null, () => RatesChart.Render(data.Period, data.RateTargets)));
        builder.Section("分领域存量与增量", builder.Chart(data.ByCategory.Count > 0, () => CategoryChart.Render(data.ByCategory)));
        builder.Section("各期数据", builder.Table(FigureTables.Trend(data.Trend)));
        builder.Sheet(FigureTables.Groups("分领域", "领域", data.ByCategory, "未分类"));
    }

    private static void DueList(Builder builder, ReportData data)
    {
        var overdue = data.Due.Count(r => r.DaysLeft < 0);
        var note = new NotePart($"逾期 {overdue} 件，即将到期 {data.Due.Count - overdue} 件（按剩余天数排列，负数为已逾期天数）。");
        builder.Section("逾期与即将到期事项", [note, .. builder.Table(CaseTables.Due(data.Due, builder.Clock))]);
    }

    private static void KeyCases(Builder builder, ReportData data)
    {
        builder.Section("五类统计", builder.Table(CaseTables.KeyClassCounts(data.KeyCases)));
        builder.Sheet(CaseTables.KeyCases("重点案件", data.KeyCases, classColumn: true));
        if (data.KeyCases.Count == 0)
        {
            builder.Section("重点案件", [new NotePart(NoData)]);
            return;
        }

        foreach (var (keyClass, name, rule) in CaseTables.KeyClasses)
        {
            var rows = data.KeyCases.Where(r => r.KeyClass == keyClass).ToList();
            builder.Section($"{name}（{rule}）：{rows.Count} 件", rows.Count == 0
                ? [new NotePart(NoData)]
                : [new TablePart(CaseTables.KeyCases(name, rows, classColumn: false))]);
        }

        var unknown = data.KeyCases.Where(r => CaseTables.KeyClasses.All(k => k.Class != r.KeyClass)).ToList();
        if (unknown.Count > 0)
        {
            builder.Section($"其他类别：{unknown.Count} 件", [new TablePart(CaseTables.KeyCases("其他", unknown, classColumn: true))]);
        }
    }

    private static void Campaign(Builder builder, ReportData data)
    {
        if (data.Campaign is not { } campaign)
        {
            builder.Section("攻坚行动", [new NotePart(NoData)]);
        }
        else
        {
            var current = campaign.Phases.FirstOrDefault(p => p.Current)?.Phase;
            var note = $"基线日期：{Display.Date(builder.Clock.Local(campaign.Baseline))}" + (current is null ? "。" : $"；当前阶段：{current}。");
            builder.Section($"攻坚行动：{campaign.Name}", [new NotePart(note), .. builder.Table(CampaignTables.Phases(campaign, builder.Clock))]);
            var met = campaign.Targets.Count(t => t.Met);
            builder.Section("目标完成情况", [new NotePart($"共 {campaign.Targets.Count} 项目标，已达成 {met} 项。"), .. builder.Table(CampaignTables.Targets(campaign))]);
        }

        builder.Section("工作指标与目标", builder.Chart(data.Period is not null, () => RatesChart.Render(data.Period, data.RateTargets)));
        if (data.Trend.Count > 0)
        {
            builder.Section("积案存量趋势", builder.Chart(true, () => StockTrendChart.Render(data.Trend, data.StockTarget)));
        }
    }

    private sealed class Builder(OfficeClock clock)
    {
        private readonly List<ReportSection> sections = [];
        private readonly List<ReportTable> sheets = [];
        private readonly List<ChartImage> charts = [];

        public OfficeClock Clock { get; } = clock;

        public void Section(string heading, IReadOnlyList<SectionPart> parts) => sections.Add(new ReportSection(heading, parts));

        public void Sheet(ReportTable table)
        {
            if (sheets.All(s => s.Name != table.Name))
            {
                sheets.Add(table);
            }
        }

        /// <summary>The table in the HTML and as a sheet; "无数据" in the HTML when it has no rows.</summary>
        public SectionPart[] Table(ReportTable table)
        {
            Sheet(table);
            return table.Rows.Count == 0 ? [new NotePart(NoData)] : [new TablePart(table)];
        }

        public SectionPart[] Chart(bool hasData, Func<ChartImage> render)
        {
            if (!hasData)
            {
                return [new NotePart(NoData)];
            }

            var chart = render();
            if (charts.All(c => c.Name != chart.Name))
            {
                charts.Add(chart);
            }

            return [new ChartPart(chart)];
        }

        public ReportLayout Build() => new(sections, sheets, charts);
    }
}
