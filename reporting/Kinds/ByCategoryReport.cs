using PetitionGraph.Reporting.Charts;
using PetitionGraph.Reporting.Layout;

namespace PetitionGraph.Reporting.Kinds;

/// <summary>分领域信访情况: the period's figures by domain category.</summary>
public sealed class ByCategoryReport : ReportDefinition
{
    public override ReportKind Kind => ReportKind.ByCategory;

    public override string Name => "by-category";

    public override string Title => "分领域信访情况";

    internal override void Lay(ReportLayoutBuilder builder, ReportData data)
    {
        builder.Section("分领域情况", builder.Table(FigureTables.Groups("分领域", "领域", data.ByCategory, "未分类")));
        builder.Section("分领域存量与增量", builder.Chart(data.ByCategory.Count > 0, () => CategoryChart.Render(data.ByCategory)));
    }
}
