using System.Xml.Linq;
using PetitionGraph.Reporting;
using PetitionGraph.Reporting.Charts;
using SkiaSharp;

namespace PetitionGraph.Tests.Reporting.Charts;

public sealed class ChartTests
{
    public static TheoryData<string> ChartNames => [.. AllCharts().Keys];

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void Chart_renders_a_valid_non_trivial_png(string name)
    {
        var chart = AllCharts()[name]();

        using var bitmap = SKBitmap.Decode(chart.Png);
        Assert.NotNull(bitmap);
        Assert.Equal(chart.Width * 2, bitmap.Width);
        Assert.Equal(chart.Height * 2, bitmap.Height);
        Assert.True(DistinctColours(bitmap) > 50, "the image is (nearly) blank");
        Assert.True(chart.Png.Length > 10_000);
        SampleOutput.Write($"{name}.png", chart.Png);
        SampleOutput.Write($"{name}.svg", System.Text.Encoding.UTF8.GetBytes(chart.Svg));
    }

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void Every_label_of_a_chart_has_a_glyph_in_the_shipped_font(string name)
    {
        var chart = AllCharts()[name]();

        Assert.NotEmpty(chart.Labels);
        Assert.Contains(chart.Labels, label => label.Any(c => c >= 0x4E00 && c <= 0x9FFF));
        foreach (var label in chart.Labels)
        {
            Assert.Empty(ChartFonts.MissingGlyphs(label));
        }

        // Every text the SVG draws (ticks included) comes from the labels or ScottPlot's numbers, and the font has it.
        foreach (var text in SvgTexts(chart.Svg))
        {
            Assert.Empty(ChartFonts.MissingGlyphs(text));
        }
    }

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void Svg_names_the_shipped_font(string name)
    {
        var chart = AllCharts()[name]();

        var texts = SvgTexts(chart.Svg).ToList();
        Assert.NotEmpty(texts);
        Assert.Contains(ChartFonts.FamilyName, chart.Svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Charts_of_empty_data_say_there_is_none()
    {
        ChartImage[] charts =
        [
            StockTrendChart.Render([]),
            IncrementResolvedChart.Render([]),
            CategoryChart.Render([]),
            VillageChart.Render([]),
            RatesChart.Render(null),
            RateTrendChart.Render([]),
        ];

        foreach (var chart in charts)
        {
            SampleOutput.Write($"empty-{chart.Name}.png", chart.Png);
            Assert.Contains("无数据", chart.Labels);
            using var bitmap = SKBitmap.Decode(chart.Png);
            Assert.NotNull(bitmap);
        }
    }

    [Fact]
    public void Stock_trend_draws_the_target_line_in_the_legend()
    {
        var chart = StockTrendChart.Render(SampleData.Trend(), 72);

        Assert.Contains("目标 72", chart.Labels);
        Assert.Contains("2021-05", chart.Labels);
    }

    [Fact]
    public void The_rate_trend_has_a_line_per_rate_and_a_gap_where_a_rate_had_nothing_due()
    {
        var full = RateTrendChart.Render(SampleData.Trend());
        var trend = SampleData.Trend().Select((r, i) => i == 5 ? r with { SatisfactionRate = new Rate(0, 0) } : r).ToList();

        var chart = RateTrendChart.Render(trend);

        SampleOutput.Write("rate-trend-gap.png", chart.Png);
        Assert.Equal(["及时受理率", "按期办结率", "参评率", "满意率"], chart.Labels.Where(l => l.EndsWith('率')));
        Assert.StartsWith("工作指标趋势（2020-06 至 2021-05，单位：%）", chart.Title, StringComparison.Ordinal);
        // A bucket without the rate has no point at all (not a point at zero): one diamond fewer, the others as many.
        Assert.Equal(Markers(full.Svg, "#CC79A7") - 1, Markers(chart.Svg, "#CC79A7"));
        Assert.Equal(Markers(full.Svg, "#0072B2"), Markers(chart.Svg, "#0072B2"));
        Assert.Equal(13, Markers(full.Svg, "#CC79A7")); // twelve buckets and the legend's
    }

    /// <summary>Filled four-sided marks of a colour: a series' markers (diamonds or squares) and its legend sample.</summary>
    private static int Markers(string svg, string colour) =>
        XDocument.Parse(svg).Descendants().Count(e => e.Name.LocalName == "path" && (string?)e.Attribute("fill") == colour
            && System.Text.RegularExpressions.Regex.IsMatch((string?)e.Attribute("d") ?? "", @"^M[-\d. ]+(L[-\d. ]+){3,4}Z$"));

    [Fact]
    public void A_rate_with_nothing_due_is_a_dash_and_the_others_keep_their_parts()
    {
        var period = SampleData.Period() with { EvaluationRate = new Rate(0, 0) };

        var chart = RatesChart.Render(period, SampleData.RateTargets);

        SampleOutput.Write("rates-missing.png", chart.Png);
        Assert.Contains("—", chart.Labels);
        Assert.Contains("95.0% (19/20)", chart.Labels);
    }

    [Fact]
    public void Dense_data_still_renders_readable_charts()
    {
        var day = SampleData.Trend()[0];
        var days = Enumerable.Range(0, 31).Select(i => day with
        {
            Start = SampleData.PeriodStart.AddDays(i),
            End = SampleData.PeriodStart.AddDays(i + 1),
            StartLabel = $"{SampleData.PeriodStart.AddDays(i):yyyy-MM-dd}",
            Stock = 90 - i,
        }).ToList();
        var villages = SampleData.Villages(30).Select((name, i) => day with { Group = name, Stock = i % 9, Increment = i % 4 }).ToList();

        ChartImage[] charts = [StockTrendChart.Render(days), IncrementResolvedChart.Render(days), VillageChart.Render(villages)];

        Assert.Contains("日期(2021年)", charts[0].Labels);
        Assert.True(charts[0].Labels.Count(l => l.StartsWith("05-", StringComparison.Ordinal)) <= 12);
        Assert.Equal(30, charts[2].Labels.Count(l => l.EndsWith('村') || l.EndsWith("社区", StringComparison.Ordinal)));
        foreach (var chart in charts)
        {
            SampleOutput.Write($"dense-{chart.Name}.png", chart.Png);
            Assert.All(chart.Labels, label => Assert.Empty(ChartFonts.MissingGlyphs(label)));
        }
    }

    [Fact]
    public void The_README_image_is_what_the_stock_trend_chart_draws_now()
    {
        var chart = StockTrendChart.Render(SampleData.Trend(), 72);
        var path = Path.Combine(PetitionGraph.Tests.Infrastructure.RepositoryRoot.Path, "docs", "images", "stock-trend.png");
        // Rewritten when asked: PETITIONGRAPH_README_IMAGE=1 dotnet test --filter The_README_image
        if (Environment.GetEnvironmentVariable("PETITIONGRAPH_README_IMAGE") == "1")
        {
            File.WriteAllBytes(path, chart.Png);
        }
        Assert.True(File.ReadAllBytes(path).AsSpan().SequenceEqual(chart.Png),
            "docs/images/stock-trend.png is not what StockTrendChart draws now: regenerate it with PETITIONGRAPH_README_IMAGE=1, and look at it.");
    }

    /// <summary>A chart pasted into a document must still say what it is: its period and its unit are in its title.</summary>
    [Fact]
    public void Every_chart_title_names_its_period_and_unit()
    {
        foreach (var (name, render) in AllCharts())
        {
            var chart = render();
            Assert.Matches(@"（\d{4}-\d{2}( 至 \d{4}-\d{2})?，单位：(件|%)）$", chart.Title);
            Assert.Contains(chart.Title, SvgTexts(chart.Svg).Select(t => t.Trim()));
        }
        Assert.Contains("2020-06 至 2021-05", StockTrendChart.Render(SampleData.Trend(), 72).Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Quarter_buckets_are_labelled_as_quarters()
    {
        var quarters = SampleData.Trend().Take(4).Select((r, i) => r with { StartLabel = $"2026-Q{i + 1}" }).ToList();
        var texts = SvgTexts(IncrementResolvedChart.Render(quarters).Svg).Select(t => t.Trim()).ToList();
        Assert.Contains("季度", texts);
        Assert.DoesNotContain("月份", texts);
    }

    internal static Dictionary<string, Func<ChartImage>> AllCharts() => new()
    {
        [StockTrendChart.Name] = () => StockTrendChart.Render(SampleData.Trend(), 72),
        [IncrementResolvedChart.Name] = () => IncrementResolvedChart.Render(SampleData.Trend()),
        [CategoryChart.Name] = () => CategoryChart.Render(SampleData.ByCategory()),
        [VillageChart.Name] = () => VillageChart.Render(SampleData.ByVillage()),
        [RatesChart.Name] = () => RatesChart.Render(SampleData.Period(), SampleData.RateTargets),
        [RateTrendChart.Name] = () => RateTrendChart.Render(SampleData.Trend()),
    };

    private static IEnumerable<string> SvgTexts(string svg) =>
        XDocument.Parse(svg).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).Where(t => t.Length > 0);

    private static int DistinctColours(SKBitmap bitmap)
    {
        var colours = new HashSet<uint>();
        for (var y = 0; y < bitmap.Height; y += 3)
        {
            for (var x = 0; x < bitmap.Width; x += 3)
            {
                colours.Add((uint)bitmap.GetPixel(x, y));
            }
        }

        return colours.Count;
    }
}
