using ScottPlot;

namespace PetitionGraph.Reporting.Charts;

/// <summary>积案存量趋势: the backlog at the end of each bucket, with the campaign's target as a dashed line.</summary>
public static class StockTrendChart
{
    public const string Name = "stock-trend";

    public static ChartImage Render(IReadOnlyList<FigureRow> trend, double? target = null)
    {
        var chart = new ChartBuilder($"积案存量趋势（{BucketAxis.Caption(trend, "件")}）", BucketAxis.Title(trend), "存量(件)");
        if (trend.Count == 0)
        {
            chart.ShowNoData();
            return chart.Render(Name);
        }

        var plot = chart.Plot;
        double[] xs = [.. Enumerable.Range(0, trend.Count).Select(i => (double)i)];
        double[] ys = [.. trend.Select(r => (double)r.Stock)];
        var line = plot.Add.Scatter(xs, ys, ChartColors.Stock);
        line.LineWidth = 2.5f;
        line.MarkerSize = 7;
        line.LegendText = chart.Label("存量");

        if (trend.Count <= 16)
        {
            for (var i = 0; i < trend.Count; i++)
            {
                var label = plot.Add.Text(chart.Label(trend[i].Stock.ToString(System.Globalization.CultureInfo.InvariantCulture)), xs[i], ys[i]);
                label.LabelFontSize = 11;
                label.LabelFontColor = ChartColors.Stock;
                label.LabelAlignment = Alignment.LowerCenter;
                label.OffsetY = -6;
            }
        }

        var top = ys.Max();
        if (target is { } t)
        {
            var targetLine = plot.Add.HorizontalLine(t, 2, ChartColors.Target, LinePattern.Dashed);
            targetLine.LegendText = chart.Label($"目标 {Numbers.Compact(t)}");
            top = Math.Max(top, t);
        }

        chart.CategoryTicks(plot.Axes.Bottom, BucketAxis.TickLabels(trend));
        ChartBuilder.CountTicks(plot.Axes.Left);
        plot.Axes.SetLimits(-0.5, trend.Count - 0.5, 0, Math.Max(1, top) * 1.18);
        // Below the plot: inside it, the legend would cover the latest months, the ones readers look at first.
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.ShowLegend(Edge.Bottom);
        return chart.Render(Name);
    }
}
