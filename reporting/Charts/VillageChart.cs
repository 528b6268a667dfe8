namespace PetitionGraph.Reporting.Charts;

/// <summary>分村（社区）: per village, the stock and the period's new cases as a pair of horizontal bars.</summary>
public static class VillageChart
{
    public const string Name = "by-village";

    public static ChartImage Render(IReadOnlyList<FigureRow> byVillage) => GroupChart.Render(Name, "分村(社区)存量与新增", byVillage, "未分村");
}
