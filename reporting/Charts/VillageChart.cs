using ScottPlot;

namespace PetitionGraph.Reporting.Charts;

/// <summary>分村（社区）: per village, the stock and the period's new cases as a pair of horizontal bars.</summary>
public static class VillageChart
{
    public const string Name = "by-village";

    public static ChartImage Render(IReadOnlyList<FigureRow> byVillage)
    {
        var rows = byVillage.OrderByDescending(r => r.Stock).ThenByDescending(r => r.Increment).ThenBy(r => r.Group, StringComparer.Ordinal).ToList();
        var height = Math.Max(ChartBuilder.DefaultHeight, 150 + rows.Count * 34);
        var chart = new ChartBuilder("分村(社区)存量与新增", "件数", null);
        if (rows.Count == 0)
        {
            chart.ShowNoData();
            return chart.Render(Name);
        }

        (string Label, Color Color, Func<FigureRow, int> Value, double Offset)[] series =
        [
            ("存量", ChartColors.Stock, r => r.Stock, 0.19),
            ("新增案件", ChartColors.Increment, r => r.Increment, -0.19),
        ];
        foreach (var (label, color, value, offset) in series)
        {
            var bars = rows.Select((row, i) => new Bar
            {
                Position = rows.Count - 1 - i + offset,
                Value = value(row),
                Size = 0.36,
                FillColor = color,
                LineWidth = 0,
            }).ToList();
            var plottable = chart.Plot.Add.Bars(bars);
            plottable.Horizontal = true;
            plottable.LegendText = chart.Label(label);
            plottable.Color = color;
        }

        var names = Enumerable.Range(0, rows.Count).Select(p => rows[rows.Count - 1 - p].Group ?? "未分村").ToList();
        chart.CategoryTicks(chart.Plot.Axes.Left, names, maxTicks: 80);
        ChartBuilder.CountTicks(chart.Plot.Axes.Bottom);
        var top = rows.Max(r => Math.Max(r.Stock, r.Increment));
        chart.Plot.Axes.SetLimits(0, Math.Max(1, top) * 1.1, -0.6, rows.Count - 0.4);
        chart.LegendClearOf(Math.Max(rows[^1].Stock, rows[^1].Increment), top * 1.1);
        return chart.Render(Name, ChartBuilder.DefaultWidth, height);
    }
}
