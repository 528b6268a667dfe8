using PetitionGraph.Reporting.Charts;
using PetitionGraph.Reporting.Layout;

namespace PetitionGraph.Reporting.Kinds;

/// <summary>分村（社区）信访情况: the period's figures by village and community.</summary>
public sealed class ByVillageReport : ReportDefinition
{
    public override ReportKind Kind => ReportKind.ByVillage;

    public override string Name => "by-village";

    public override string Title => "分村（社区）信访情况";

    internal override void Lay(ReportLayoutBuilder builder, ReportData data)
    {
        builder.Section("分村（社区）情况", builder.Table(FigureTables.Groups("分村（社区）", "村（社区）", data.ByVillage, "未分村")));
        builder.Section("分村（社区）存量与新增", builder.Chart(data.ByVillage.Count > 0, () => VillageChart.Render(data.ByVillage)));
    }
}
