using ScottPlot;

namespace PetitionGraph.Reporting.Charts;

/// <summary>分领域存量与增量: one horizontal bar per category, stock with the period's increment stacked on it.</summary>
public static class CategoryChart
{
    public const string Name = "by-category";

    public static ChartImage Render(IReadOnlyList<FigureRow> byCategory)
    {
        var rows = byCategory.OrderByDescending(r => r.Stock + r.Increment).ThenBy(r => r.Group, StringComparer.Ordinal).ToList();
        var height = Math.Max(ChartBuilder.DefaultHeight, 150 + rows.Count * 30);
        var chart = new ChartBuilder("分领域存量与增量", "件数", null);
        if (rows.Count == 0)
        {
            chart.ShowNoData();
            return chart.Render(Name);
        }

        // The largest category is drawn at the top: position 0 is the bottom of the axis.
        var stock = new List<Bar>();
        var increment = new List<Bar>();
        for (var i = 0; i < rows.Count; i++)
        {
            var position = rows.Count - 1 - i;
            stock.Add(new Bar { Position = position, ValueBase = 0, Value = rows[i].Stock, Size = 0.65, FillColor = ChartColors.Stock, LineWidth = 0 });
            increment.Add(new Bar
            {
                Position = position,
                ValueBase = rows[i].Stock,
                Value = rows[i].Stock + rows[i].Increment,
                Size = 0.65,
                FillColor = ChartColors.Increment,
                LineWidth = 0,
            });
        }

        AddSeries(chart, stock, "存量", ChartColors.Stock);
        AddSeries(chart, increment, "增量", ChartColors.Increment);
        for (var i = 0; i < rows.Count; i++)
        {
            var total = rows[i].Stock + rows[i].Increment;
            var text = chart.Plot.Add.Text(chart.Label($"{rows[i].Stock}+{rows[i].Increment}"), total, rows.Count - 1 - i);
            text.LabelFontSize = 11;
            text.LabelAlignment = Alignment.MiddleLeft;
            text.OffsetX = 4;
        }

        var names = Enumerable.Range(0, rows.Count).Select(p => rows[rows.Count - 1 - p].Group ?? "未分类").ToList();
        chart.CategoryTicks(chart.Plot.Axes.Left, names, maxTicks: 60);
        ChartBuilder.CountTicks(chart.Plot.Axes.Bottom);
        var top = rows.Max(r => r.Stock + r.Increment);
        chart.Plot.Axes.SetLimits(0, Math.Max(1, top) * 1.15, -0.6, rows.Count - 0.4);
        chart.LegendClearOf(rows[^1].Stock + rows[^1].Increment, top * 1.15);
        return chart.Render(Name, ChartBuilder.DefaultWidth, height);
    }

    private static void AddSeries(ChartBuilder chart, List<Bar> bars, string label, Color color)
    {
        var plottable = chart.Plot.Add.Bars(bars);
        plottable.Horizontal = true;
        plottable.LegendText = chart.Label(label);
        plottable.Color = color;
    }
}
