using ScottPlot;

namespace PetitionGraph.Reporting.Charts;

/// <summary>
/// 工作指标趋势: each of the four rates over the trend's buckets, one line each. Colour is not the only cue: every
/// rate has its own marker shape too. (Not a dash pattern: Skia's SVG canvas cannot draw path effects and says so on
/// standard output for every dashed line, which a command's output must not carry.) A bucket where a rate has no
/// denominator is a gap, not a zero.
/// </summary>
public static class RateTrendChart
{
    public const string Name = "rate-trend";

    private static readonly (Color Color, MarkerShape Marker)[] Styles =
    [
        (ChartColors.Stock, MarkerShape.FilledCircle),
        (ChartColors.Increment, MarkerShape.FilledSquare),
        (ChartColors.Resolved, MarkerShape.FilledTriangleUp),
        (ChartColors.BacklogIncrement, MarkerShape.FilledDiamond),
    ];

    public static ChartImage Render(IReadOnlyList<FigureRow> trend)
    {
        var chart = new ChartBuilder($"工作指标趋势（{BucketAxis.Caption(trend, "%")}）", BucketAxis.Title(trend), "百分比(%)");
        if (trend.Count == 0 || trend.All(r => RatesChart.Rates.All(rate => rate.Select(r).Value is null)))
        {
            chart.ShowNoData();
            return chart.Render(Name);
        }

        var plot = chart.Plot;
        for (var s = 0; s < RatesChart.Rates.Count; s++)
        {
            var (color, marker) = Styles[s];
            var values = trend.Select(r => RatesChart.Rates[s].Select(r).Value).ToList();
            var legend = true;
            // One line per run of buckets that have the rate: a missing one breaks the line.
            foreach (var run in Runs(values))
            {
                var line = plot.Add.Scatter(run.Select(i => (double)i).ToArray(), run.Select(i => values[i]!.Value * 100).ToArray(), color);
                line.LineWidth = 2.2f;
                line.MarkerShape = marker;
                line.MarkerSize = 7;
                if (legend)
                {
                    line.LegendText = chart.Label(RatesChart.Rates[s].Name);
                    legend = false;
                }
            }
        }

        // Rates near 100% all day long would be one thick line on a 0–100 axis: start at the tens below the lowest.
        var lowest = trend.SelectMany(r => RatesChart.Rates.Select(rate => rate.Select(r).Value)).Where(v => v is not null).Min()!.Value * 100;
        var floor = Math.Clamp(Math.Floor((lowest - 5) / 10) * 10, 0, 90);
        double[] ticks = [.. Enumerable.Range(0, 11).Select(i => i * 10.0).Where(t => t >= floor)];
        chart.CategoryTicks(plot.Axes.Bottom, BucketAxis.TickLabels(trend));
        plot.Axes.SetLimits(-0.5, trend.Count - 0.5, floor, 102);
        plot.Axes.Left.SetTicks(ticks, [.. ticks.Select(t => t.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.ShowLegend(Edge.Bottom);
        return chart.Render(Name);
    }

    private static IEnumerable<List<int>> Runs(IReadOnlyList<double?> values)
    {
        var run = new List<int>();
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is null)
            {
                if (run.Count > 0)
                {
                    yield return run;
                }
                run = [];
                continue;
            }
            run.Add(i);
        }
        if (run.Count > 0)
        {
            yield return run;
        }
    }
}
