using PetitionGraph.Reporting.Formatting;

namespace PetitionGraph.Reporting.Layout;

/// <summary>A campaign's phases and its targets against the baseline.</summary>
internal static class CampaignTables
{
    public static ReportTable Phases(CampaignProgress campaign, OfficeClock clock) => new(
        "攻坚阶段",
        [ReportTable.Text("阶段"), new("开始", ColumnKind.Date), new("结束", ColumnKind.Date), ReportTable.Text("当前")],
        [.. campaign.Phases.OrderBy(p => p.From).Select(p => new TableRow(
            [p.Phase, clock.Local(p.From), clock.Local(p.To), p.Current ? "当前阶段" : ""],
            p.Current ? "current" : null))]);

    public static ReportTable Targets(CampaignProgress campaign) => new(
        "攻坚目标",
        [
            ReportTable.Text("指标"),
            ReportTable.Text("要求"),
            new("基线", ColumnKind.Mixed),
            new("当前", ColumnKind.Mixed),
            new("目标", ColumnKind.Mixed),
            new("是否达成", ColumnKind.Check),
        ],
        [.. campaign.Targets.Select(t => new TableRow(
            [t.Figure, t.Comparison, Value(t, t.Baseline), Value(t, t.Current), Value(t, t.Target), t.Met],
            t.Met ? "met" : "unmet"))]);

    private static object? Value(CampaignTargetRow target, double? value) =>
        value is not { } v ? null : target.Percent ? new PercentValue(v) : v;
}
