namespace PetitionGraph.Reporting.Charts;

/// <summary>分领域: per category, the stock and the period's new cases as a pair of horizontal bars (not stacked).</summary>
public static class CategoryChart
{
    public const string Name = "by-category";

    public static ChartImage Render(IReadOnlyList<FigureRow> byCategory) => GroupChart.Render(Name, "分领域存量与增量", byCategory, "未分类");
}
