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

    /// <summary>
    /// Renders the report's files. <paramref name="written"/>, when given, receives each file as soon as it and every
    /// file listed before it are finished — report.html, report.xlsx, the charts, report.pdf — from whichever thread
    /// finished it: the caller can store the page and the workbook of a long list while its PDF is still being drawn.
    /// </summary>
    public static ReportDocument Render(ReportData data, bool withPdf = true, Action<Artifact>? written = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        // Only a report that lists petitioners says anything about their personal data.
        data = data with { Context = data.Context with { ListsPetitioners = Kinds.ReportDefinitions.For(data.Kind).ListsPetitioners } };
        var layout = ReportLayouts.Build(data);
        var files = new InOrder(2 + 2 * layout.Charts.Count + (withPdf ? 1 : 0), written);
        for (var i = 0; i < layout.Charts.Count; i++)
        {
            var chart = layout.Charts[i];
            files.Done(2 + 2 * i, new($"{chart.Name}.png", PngType, chart.Png));
            files.Done(3 + 2 * i, new($"{chart.Name}.svg", SvgType, Encoding.UTF8.GetBytes(WithFallbackFonts(chart.Svg))));
        }
        // The three writers read the same finished layout and nothing else: each on its own core, a long list's
        // report takes the slowest writer's time, not the sum.
        var pdfTime = TimeSpan.Zero;
        Parallel.Invoke(
            () => files.Done(0, new("report.html", HtmlType, HtmlReportWriter.Write(data.Context, layout))),
            () => files.Done(1, new("report.xlsx", XlsxType, XlsxReportWriter.Write(data.Context, layout.Sheets))),
            () =>
            {
                if (withPdf)
                {
                    var start = Stopwatch.GetTimestamp();
                    var pdf = PdfReportWriter.Write(data.Context, layout);
                    pdfTime = Stopwatch.GetElapsedTime(start);
                    files.Done(files.Count - 1, new("report.pdf", PdfType, pdf));
                }
            });
        return new ReportDocument(data.Kind, files.All) { PdfTime = pdfTime };
    }

    /// <summary>The files in their listed order, each passed on once it and all before it are done.</summary>
    private sealed class InOrder(int count, Action<Artifact>? written)
    {
        private readonly Artifact?[] _files = new Artifact?[count];
        private int _passedOn;

        public int Count => _files.Length;

        public IReadOnlyList<Artifact> All => [.. _files.Select(f => f!)];

        public void Done(int index, Artifact file)
        {
            lock (_files)
            {
                _files[index] = file;
                while (_passedOn < _files.Length && _files[_passedOn] is { } next)
                {
                    written?.Invoke(next);
                    _passedOn++;
                }
            }
        }
    }

    private static string WithFallbackFonts(string svg) =>
        FontFamily().Replace(svg, m => $"font-family=\"{m.Groups[1].Value}, {SvgFallbackFonts}\"");

    [GeneratedRegex("font-family=\"([^\"]*)\"")]
    private static partial Regex FontFamily();
}
