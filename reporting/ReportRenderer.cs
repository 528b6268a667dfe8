using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using PetitionGraph.Reporting.Html;
using PetitionGraph.Reporting.Layout;
using PetitionGraph.Reporting.Pdf;
using PetitionGraph.Reporting.Xlsx;

namespace PetitionGraph.Reporting;

/// <summary>
/// Renders a report: report.html (self-contained, print-ready), report.xlsx (one sheet per table), report.pdf (the
/// printed page, unless turned off), and each chart as &lt;name&gt;.png and &lt;name&gt;.svg.
/// </summary>
public static partial class ReportRenderer
{
    public const string HtmlType = "text/html; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string PngType = "image/png";
    public const string SvgType = "image/svg+xml";
    public const string PdfType = PdfReportWriter.ContentType;

    /// <summary>Fonts an SVG viewer may use when it lacks the one the chart was laid out with.</summary>
    private const string SvgFallbackFonts = "Microsoft YaHei, PingFang SC, Noto Sans CJK SC, sans-serif";

    public static ReportDocument Render(ReportData data, bool withPdf = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        // Only a report that lists petitioners says anything about their personal data.
        data = data with { Context = data.Context with { ListsPetitioners = Kinds.ReportDefinitions.For(data.Kind).ListsPetitioners } };
        var layout = ReportLayouts.Build(data);
        // The three writers read the same finished layout and nothing else: each on its own core, a long list's
        // report takes the slowest writer's time, not the sum.
        byte[] html = [], xlsx = [];
        byte[]? pdf = null;
        var pdfTime = TimeSpan.Zero;
        Parallel.Invoke(
            () => html = HtmlReportWriter.Write(data.Context, layout),
            () => xlsx = XlsxReportWriter.Write(data.Context, layout.Sheets),
            () =>
            {
                if (withPdf)
                {
                    var start = Stopwatch.GetTimestamp();
                    pdf = PdfReportWriter.Write(data.Context, layout);
                    pdfTime = Stopwatch.GetElapsedTime(start);
                }
            });

        var artifacts = new List<Artifact> { new("report.html", HtmlType, html), new("report.xlsx", XlsxType, xlsx) };
        foreach (var chart in layout.Charts)
        {
            artifacts.Add(new($"{chart.Name}.png", PngType, chart.Png));
            artifacts.Add(new($"{chart.Name}.svg", SvgType, Encoding.UTF8.GetBytes(WithFallbackFonts(chart.Svg))));
        }
        if (pdf is not null)
        {
            artifacts.Add(new("report.pdf", PdfType, pdf));
        }

        return new ReportDocument(data.Kind, artifacts) { PdfTime = pdfTime };
    }

    private static string WithFallbackFonts(string svg) =>
        FontFamily().Replace(svg, m => $"font-family=\"{m.Groups[1].Value}, {SvgFallbackFonts}\"");

    [GeneratedRegex("font-family=\"([^\"]*)\"")]
    private static partial Regex FontFamily();
}
