using ScottPlot;

namespace PetitionGraph.Reporting.Charts;

/// <summary>
/// Per group (category, village), the stock and the period's new cases as a pair of horizontal bars with their values
/// — never stacked: a stock at an instant and a count over a period do not add up.
/// </summary>
internal static class GroupChart
{
    public static ChartImage Render(string name, string title, IReadOnlyList<FigureRow> groups, string unnamed)
    {
        var rows = groups.OrderByDescending(r => r.Stock).ThenByDescending(r => r.Increment).ThenBy(r => r.Group, StringComparer.Ordinal).ToList();
        var height = Math.Max(ChartBuilder.DefaultHeight, 150 + rows.Count * 34);
        var chart = new ChartBuilder($"{title}（{BucketAxis.Caption(rows.Take(1).ToList(), "件")}）", "件数", null);
        if (rows.Count == 0)
        {
            chart.ShowNoData();
            return chart.Render(name);
        }

        (string Label, Color Color, Func<FigureRow, int> Value, double Offset)[] series =
        [
            ("存量", ChartColors.Stock, r => r.Stock, 0.19),
            ("新增案件", ChartColors.Increment, r => r.Increment, -0.19),
        ];
        foreach (var (label, color, value, offset) in series)
        {
            // The largest group is drawn at the top: position 0 is the bottom of the axis.
            var bars = rows.Select((row, i) => new Bar
            {
                Position = rows.Count - 1 - i + offset,
                Value = value(row),
                Size = 0.36,
                FillColor = color,
                LineWidth = 0,
                Label = value(row).ToString(System.Globalization.CultureInfo.InvariantCulture),
            }).ToList();
            var plottable = chart.Plot.Add.Bars(bars);
            plottable.Horizontal = true;
            plottable.LegendText = chart.Label(label);
            plottable.Color = color;
            plottable.ValueLabelStyle.FontSize = 10;
        }

        var names = Enumerable.Range(0, rows.Count).Select(p => rows[rows.Count - 1 - p].Group ?? unnamed).ToList();
        chart.CategoryTicks(chart.Plot.Axes.Left, names, maxTicks: 80);
        ChartBuilder.CountTicks(chart.Plot.Axes.Bottom);
        var top = rows.Max(r => Math.Max(r.Stock, r.Increment));
        chart.Plot.Axes.SetLimits(0, Math.Max(1, top) * 1.15, -0.6, rows.Count - 0.4);
        chart.LegendClearOf(Math.Max(rows[^1].Stock, rows[^1].Increment), top * 1.15);
        return chart.Render(name, ChartBuilder.DefaultWidth, height);
    }
}
