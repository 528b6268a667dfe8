using ScottPlot;

namespace PetitionGraph.Reporting.Charts;

/// <summary>A ScottPlot plot in the report style that remembers every label it is given.</summary>
internal sealed class ChartBuilder
{
    public const int DefaultWidth = 800;
    public const int DefaultHeight = 400;
    public const string NoData = "无数据";

    private readonly List<string> labels = [];

    public ChartBuilder(string title, string? xLabel, string? yLabel)
    {
        Title = title;
        ChartFonts.EnsureRegistered();
        Plot = new Plot();
        Plot.Font.Set(ChartFonts.FamilyName);
        Plot.Title(Label(title), 18);
        if (xLabel is not null)
        {
            Plot.XLabel(Label(xLabel), 14);
        }

        if (yLabel is not null)
        {
            Plot.YLabel(Label(yLabel), 14);
        }

        Plot.Axes.Bottom.TickLabelStyle.FontSize = 12;
        Plot.Axes.Left.TickLabelStyle.FontSize = 12;
        Plot.Legend.FontSize = 13;
        Plot.Grid.MajorLineColor = Colors.Black.WithAlpha(0.08);
    }

    public Plot Plot { get; }

    public string Title { get; }

    public string Label(string text)
    {
        labels.Add(text);
        return text;
    }

    /// <summary>Category ticks at 0, 1, 2…; at most <paramref name="maxTicks"/> of them are labelled.</summary>
    public void CategoryTicks(IAxis axis, IReadOnlyList<string> names, int maxTicks = 12)
    {
        var step = Math.Max(1, (int)Math.Ceiling(names.Count / (double)maxTicks));
        var positions = new List<double>();
        var texts = new List<string>();
        for (var i = 0; i < names.Count; i += step)
        {
            positions.Add(i);
            texts.Add(Label(names[i]));
        }

        axis.SetTicks([.. positions], [.. texts]);
        axis.MajorTickStyle.Length = 0;
    }

    /// <summary>Whole-number ticks on a count axis.</summary>
    public static void CountTicks(IAxis axis) =>
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };

    public void ShowNoData()
    {
        var text = Plot.Add.Text(Label(NoData), 0, 0);
        text.LabelFontSize = 20;
        text.LabelFontColor = Colors.Gray;
        text.LabelAlignment = Alignment.MiddleCenter;
        Plot.Axes.SetLimits(-1, 1, -1, 1);
        Plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.EmptyTickGenerator();
        Plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.EmptyTickGenerator();
    }

    /// <summary>
    /// Horizontal bars sorted largest first leave the lower right free for the legend, unless the bottom bar
    /// reaches far right: then the legend goes below the plot.
    /// </summary>
    public void LegendClearOf(double bottomBarEnd, double axisEnd)
    {
        if (bottomBarEnd <= axisEnd * 0.6)
        {
            Plot.Legend.Alignment = Alignment.LowerRight;
            Plot.ShowLegend();
        }
        else
        {
            Plot.ShowLegend(Edge.Bottom);
        }
    }

    public ChartImage Render(string name, int width = DefaultWidth, int height = DefaultHeight)
    {
        Plot.ScaleFactor = 2;
        var png = Plot.GetImageBytes(width * 2, height * 2, ImageFormat.Png);
        Plot.ScaleFactor = 1;
        var svg = Plot.GetSvgXml(width, height);
        return new ChartImage(name, Title, width, height, png, svg, labels.Distinct().ToList());
    }
}
