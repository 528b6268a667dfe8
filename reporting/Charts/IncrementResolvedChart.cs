using ScottPlot;

namespace PetitionGraph.Reporting.Charts;

/// <summary>增量与化解: per bucket, new cases, new backlog cases and backlog cases resolved, side by side.</summary>
public static class IncrementResolvedChart
{
    public const string Name = "increment-resolved";

    public static ChartImage Render(IReadOnlyList<FigureRow> trend)
    {
        var chart = new ChartBuilder($"新增与化解（{BucketAxis.Caption(trend, "件")}）", BucketAxis.Title(trend), "件数");
        if (trend.Count == 0)
        {
            chart.ShowNoData();
            return chart.Render(Name);
        }

        (string Label, Color Color, Func<FigureRow, int> Value)[] series =
        [
            ("新增案件", ChartColors.Increment, r => r.Increment),
            ("新增积案", ChartColors.BacklogIncrement, r => r.BacklogIncrement),
            ("化解积案", ChartColors.Resolved, r => r.Resolved),
        ];
        const double groupWidth = 0.8;
        var barWidth = groupWidth / series.Length;
        for (var s = 0; s < series.Length; s++)
        {
            var offset = -groupWidth / 2 + barWidth * (s + 0.5);
            var bars = trend.Select((row, i) => new Bar
            {
                Position = i + offset,
                Value = series[s].Value(row),
                Size = barWidth * 0.92,
                FillColor = series[s].Color,
                LineWidth = 0,
            }).ToList();
            var plottable = chart.Plot.Add.Bars(bars);
            plottable.LegendText = chart.Label(series[s].Label);
            plottable.Color = series[s].Color;
        }

        var top = trend.Max(r => Math.Max(r.Increment, Math.Max(r.BacklogIncrement, r.Resolved)));
        chart.CategoryTicks(chart.Plot.Axes.Bottom, BucketAxis.TickLabels(trend));
        ChartBuilder.CountTicks(chart.Plot.Axes.Left);
        chart.Plot.Axes.SetLimits(-0.6, trend.Count - 0.4, 0, Math.Max(1, top) * 1.3);
        chart.Plot.Legend.Orientation = Orientation.Horizontal;
        chart.Plot.ShowLegend(Edge.Bottom);
        return chart.Render(Name);
    }
}
