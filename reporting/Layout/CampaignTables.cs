using PetitionGraph.Reporting.Formatting;

namespace PetitionGraph.Reporting.Layout;

/// <summary>A campaign's phases and its targets against the baseline.</summary>
internal static class CampaignTables
{
    public static ReportTable Phases(CampaignProgress campaign, OfficeClock clock) => new(
        "攻坚阶段",
        [ReportTable.Text("阶段"), ReportTable.Text("起止日期"), ReportTable.Text("当前")],
        [.. campaign.Phases.OrderBy(p => p.From).Select(p => new TableRow(
            [p.Phase, Display.DateRange(clock.Local(p.From), clock.Local(p.To)), p.Current ? "当前阶段" : ""],
            p.Current ? "current" : null))]);

    public static ReportTable Targets(CampaignProgress campaign, OfficeClock clock) => new(
        "攻坚目标",
        [
            ReportTable.Text("指标"),
            ReportTable.Text("要求"),
            ReportTable.Text("统计口径"),
            new("基线", ColumnKind.Mixed),
            new("当前", ColumnKind.Mixed),
            new("目标", ColumnKind.Mixed),
            new("是否达成", ColumnKind.Check),
        ],
        [.. campaign.Targets.Select(t => new TableRow(
            [t.Figure, t.Comparison, Measured(campaign, t, clock), Value(t, t.Baseline), Value(t, t.Current), Value(t, t.Target), t.Met],
            t.Met ? "met" : "unmet"))]);

    /// <summary>Which values are at an instant and which since the baseline: a reader must not compare the two.</summary>
    private static string Measured(CampaignProgress campaign, CampaignTargetRow target, OfficeClock clock)
    {
        var baseline = clock.Local(campaign.Baseline);
        if (campaign.AsOf is not { } asOf)
        {
            return target.PointInTime ? $"时点值（基线为{Display.Date(baseline)}时点）" : $"累计值：{Display.Date(baseline)} 以来（基线为此前同等时长）";
        }
        var span = Display.DateRange(baseline, clock.Local(asOf));
        return target.PointInTime
            ? $"时点值：当前为{span[^10..]}末，基线为{Display.Date(baseline)}"
            : $"累计值：当前为{span}，基线为此前同等时长";
    }

    private static object? Value(CampaignTargetRow target, double? value) =>
        value is not { } v ? null : target.Percent ? new PercentValue(v) : v;
}
