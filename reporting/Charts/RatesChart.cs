using ScottPlot;

namespace PetitionGraph.Reporting.Charts;

/// <summary>工作指标与目标: the four rates of the period as bars (percent), each target as a dashed mark.</summary>
public static class RatesChart
{
    public const string Name = "rates";

    /// <summary>The rates shown, by the names that <see cref="ReportData.RateTargets"/> uses.</summary>
    public static readonly IReadOnlyList<(string Name, Func<FigureRow, Rate> Select)> Rates =
    [
        ("及时受理率", r => r.OnTimeAcceptanceRate),
        ("按期办结率", r => r.OnTimeConclusionRate),
        ("参评率", r => r.EvaluationRate),
        ("满意率", r => r.SatisfactionRate),
    ];

    public static ChartImage Render(FigureRow? period, IReadOnlyDictionary<string, double>? targets = null)
    {
        var chart = new ChartBuilder($"工作指标与目标（{BucketAxis.Caption(period is null ? [] : [period], "%")}）", null, "百分比(%)");
        if (period is null)
        {
            chart.ShowNoData();
            return chart.Render(Name);
        }

        targets ??= new Dictionary<string, double>();
        var plot = chart.Plot;
        var bars = new List<Bar>();
        var anyTarget = false;
        for (var i = 0; i < Rates.Count; i++)
        {
            var rate = Rates[i].Select(period);
            var value = rate.Value;
            bars.Add(new Bar { Position = i, Value = (value ?? 0) * 100, Size = 0.55, FillColor = ChartColors.Rate, LineWidth = 0 });
            var caption = value is { } v ? $"{Numbers.Percent(v)} ({rate.Numerator}/{rate.Denominator})" : "—";
            // At the foot of a tall bar, clear of the target mark near its top; above a short or missing one.
            var inside = (value ?? 0) >= 0.15;
            var text = plot.Add.Text(chart.Label(caption), i, inside ? 0 : (value ?? 0) * 100);
            text.LabelFontSize = 12;
            text.LabelFontColor = Colors.Black; // the light Okabe–Ito sky blue carries black text better than white
            text.LabelAlignment = Alignment.LowerCenter;
            text.OffsetY = inside ? -10 : -4;

            if (targets.TryGetValue(Rates[i].Name, out var target))
            {
                var mark = plot.Add.Line(i - 0.38, target * 100, i + 0.38, target * 100);
                mark.LineColor = ChartColors.Target;
                mark.LineWidth = 2.5f;
                mark.LinePattern = LinePattern.Dashed;
                anyTarget = true;
            }
        }

        var plottable = plot.Add.Bars(bars);
        plottable.LegendText = chart.Label("实际");
        plottable.Color = ChartColors.Rate;
        plot.MoveToBack(plottable);
        if (anyTarget)
        {
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = chart.Label("目标"),
                LineColor = ChartColors.Target,
                LineWidth = 2.5f,
                LinePattern = LinePattern.Dashed,
            });
        }

        chart.CategoryTicks(plot.Axes.Bottom, [.. Rates.Select(r => r.Name)]);
        plot.Axes.SetLimits(-0.6, Rates.Count - 0.4, 0, 118);
        plot.Axes.Left.SetTicks([0, 20, 40, 60, 80, 100], ["0", "20", "40", "60", "80", "100"]);
        plot.Legend.Alignment = Alignment.UpperRight;
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.ShowLegend();
        return chart.Render(Name);
    }
}
