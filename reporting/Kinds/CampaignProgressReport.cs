using PetitionGraph.Reporting.Charts;
using PetitionGraph.Reporting.Formatting;
using PetitionGraph.Reporting.Layout;

namespace PetitionGraph.Reporting.Kinds;

/// <summary>专项行动进展: a campaign's phases and targets against its baseline.</summary>
public sealed class CampaignProgressReport : ReportDefinition
{
    public override ReportKind Kind => ReportKind.CampaignProgress;

    public override string Name => "campaign-progress";

    public override string Title => "专项行动进展";

    internal override void Lay(ReportLayoutBuilder builder, ReportData data)
    {
        if (data.Campaign is not { } campaign)
        {
            builder.Section("攻坚行动", [new NotePart(ReportLayouts.NoData)]);
        }
        else
        {
            var current = campaign.Phases.FirstOrDefault(p => p.Current)?.Phase;
            var note = $"基线日期：{Display.Date(builder.Clock.Local(campaign.Baseline))}" + (current is null ? "。" : $"；当前阶段：{current}。");
            builder.Section($"攻坚行动：{campaign.Name}", [new NotePart(note), .. builder.Table(CampaignTables.Phases(campaign, builder.Clock))]);
            var met = campaign.Targets.Count(t => t.Met);
            builder.Section("目标完成情况", [new NotePart($"共 {campaign.Targets.Count} 项目标，已达成 {met} 项。"), .. builder.Table(CampaignTables.Targets(campaign, builder.Clock))]);
        }

        builder.Section($"本期工作指标（{data.Context.PeriodLabel}）与目标", builder.Chart(data.Period is not null, () => RatesChart.Render(data.Period, data.RateTargets)));
        if (data.Trend.Count > 0)
        {
            builder.Section("积案存量趋势", builder.Chart(true, () => StockTrendChart.Render(data.Trend, data.StockTarget)));
        }
    }
}
