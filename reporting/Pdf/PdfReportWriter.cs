using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PetitionGraph.Reporting.Charts;
using PetitionGraph.Reporting.Formatting;
using PetitionGraph.Reporting.Html;
using PetitionGraph.Reporting.Layout;

namespace PetitionGraph.Reporting.Pdf;

/// <summary>
/// report.pdf, drawn from the same layout as the HTML page and the workbook (PDFsharp): the page as the office prints
/// it — A4, landscape when a table is wide, the header block, headed sections, charts, tables whose header repeats on
/// every page, page numbers — with the shipped CJK font embedded. Drawn directly rather than printed from the HTML by a
/// browser: a thousand-page list takes seconds instead of minutes, and the service needs no browser.
/// </summary>
internal static class PdfReportWriter
{
    public const string ContentType = "application/pdf";
    private const double Millimetre = PdfCanvas.Millimetre;

    public static byte[] Write(ReportContext context, ReportLayout layout)
    {
        PdfFonts.Register();
        var clock = new OfficeClock(context.TimeZone);
        var wide = layout.HasWideTable;
        using var document = new PdfDocument();
        document.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed;
        document.Info.Title = $"{context.Title} · {context.PeriodLabel}";
        document.Info.Author = context.Office;
        document.Info.Subject = $"{context.Title}（{context.PeriodLabel}，{context.ReaderRole}）";
        document.Info.Creator = "PetitionGraph";
        document.PageLayout = PdfPageLayout.SinglePage;

        var canvas = new PdfCanvas(document, wide, context.HasPersonalData ? HtmlReportWriter.EveryPageWarning : null);
        canvas.NewPage();
        WriteHeader(canvas, context, clock);
        foreach (var section in layout.Sections)
        {
            WriteHeading(canvas, section.Heading, section.Parts.Count == 0 ? 0 : Opening(canvas, section.Parts[0]));
            foreach (var part in section.Parts)
            {
                WritePart(canvas, part, wide);
            }
        }
        WriteFooter(canvas, context, clock);
        canvas.Finish();

        // Sized for the file up front (its page contents, and per page its objects and cross-reference entries): a
        // long list's file is tens of megabytes, and a stream left to grow copies itself at every doubling.
        using var stream = new MemoryStream((int)Math.Min(int.MaxValue / 2, canvas.ContentBytes + document.PageCount * 512L + 1024 * 1024));
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static void WriteHeader(PdfCanvas canvas, ReportContext context, OfficeClock clock)
    {
        canvas.Text(context.Title, PdfFonts.Font(20, bold: true), PdfCanvas.Ink, canvas.Left, canvas.Y);
        canvas.Y += 20 * 1.5;
        (string Term, string Value)[] meta =
        [
            ("统计期间", context.PeriodLabel),
            ("填报单位", context.Office),
            ("生成时间", $"{Display.DateTime(clock.Local(context.GeneratedAt))}（{clock.Label(context.GeneratedAt)}）"),
            ("阅读角色", context.ReaderRole),
        ];
        var font = PdfFonts.Font(9.5);
        foreach (var (term, value) in meta)
        {
            canvas.Text(term, font, PdfCanvas.Muted, canvas.Left, canvas.Y);
            canvas.Text(value, font, PdfCanvas.Ink, canvas.Left + 18 * Millimetre, canvas.Y);
            canvas.Y += 9.5 * 1.45;
        }
        if (context.PersonalDataNote is { } note)
        {
            var personal = context.HasPersonalData;
            var lines = PdfCanvas.Wrap(note, canvas.Width - 6 * Millimetre, 10, bold: personal);
            var height = lines.Count * 10 * 1.45 + 4 * Millimetre;
            canvas.Y += 3 * Millimetre;
            var border = new XPen(personal ? PdfCanvas.Warning : XColor.FromArgb(0x88, 0x88, 0x88), personal ? 1.5 : 1);
            var fill = new XSolidBrush(personal ? XColor.FromArgb(0xfe, 0xf3, 0xf2) : XColor.FromArgb(0xf6, 0xf8, 0xfa));
            canvas.Graphics.DrawRectangle(border, fill, canvas.Left, canvas.Y, canvas.Width, height);
            var y = canvas.Y + 2 * Millimetre;
            foreach (var line in lines)
            {
                canvas.Text(line, PdfFonts.Font(10, bold: personal), personal ? PdfCanvas.Warning : PdfCanvas.Ink, canvas.Left + 3 * Millimetre, y);
                y += 10 * 1.45;
            }
            canvas.Y += height;
        }
        canvas.Y += 3 * Millimetre;
        canvas.Graphics.DrawLine(new XPen(PdfCanvas.Accent, 2), canvas.Left, canvas.Y, canvas.Right, canvas.Y);
        canvas.Y += 4 * Millimetre;
    }

    /// <summary>A heading is never left alone at the foot of a page: it goes where what follows it starts.</summary>
    private static void WriteHeading(PdfCanvas canvas, string heading, double opening)
    {
        canvas.Reserve(HeadingHeight + opening);
        canvas.Y += canvas.AtPageTop ? 0 : 3 * Millimetre;
        canvas.Graphics.DrawRectangle(new XSolidBrush(PdfCanvas.Accent), canvas.Left, canvas.Y + 1, 3, 13 * 1.2);
        canvas.Text(heading, PdfFonts.Font(13, bold: true), PdfCanvas.Ink, canvas.Left + 3 + 2 * Millimetre, canvas.Y);
        canvas.Y += HeadingHeight;
    }

    private const double HeadingHeight = 13 * 1.5 + 2 * Millimetre;

    /// <summary>How much of a part must follow its heading on the same page: a whole chart, a table's head and first rows, a line.</summary>
    private static double Opening(PdfCanvas canvas, SectionPart part) => part switch
    {
        ChartPart chart => ChartSize(canvas, chart.Chart).Height + ChartCaptionHeight + 4 * Millimetre,
        TablePart => 20 * Millimetre,
        _ => 9.5 * 1.5,
    };

    private static void WritePart(PdfCanvas canvas, SectionPart part, bool wide)
    {
        switch (part)
        {
            case NotePart { Text: ReportLayouts.NoData }:
                WriteText(canvas, ReportLayouts.NoData, 9.5, XColor.FromArgb(0x77, 0x77, 0x77));
                break;
            case NotePart note:
                WriteText(canvas, note.Text, 9.5, XColor.FromArgb(0x44, 0x44, 0x44));
                break;
            case ChartPart chart:
                WriteChart(canvas, chart.Chart);
                break;
            case TablePart table:
                PdfTableWriter.Write(canvas, table.Table, wide);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(part), part, "Unknown section part.");
        }
    }

    private static void WriteText(PdfCanvas canvas, string text, double size, XColor color)
    {
        var font = PdfFonts.Font(size);
        foreach (var line in PdfCanvas.Wrap(text, canvas.Width, size))
        {
            canvas.Reserve(size * 1.5);
            canvas.Text(line, font, color, canvas.Left, canvas.Y);
            canvas.Y += size * 1.5;
        }
        canvas.Y += 2 * Millimetre;
    }

    /// <summary>The chart's PNG (drawn at twice its size, so sharp in print) across the page, its title under it.</summary>
    private static void WriteChart(PdfCanvas canvas, ChartImage chart)
    {
        using var image = XImage.FromStream(new MemoryStream(chart.Png));
        var caption = $"图：{chart.Title}（{chart.Name}.png / .svg）";
        var (width, height) = ChartSize(canvas, chart);
        var captionHeight = ChartCaptionHeight;
        canvas.Reserve(height + captionHeight + 2 * Millimetre);
        canvas.Y += 2 * Millimetre;
        canvas.Graphics.DrawImage(image, canvas.Left + (canvas.Width - width) / 2, canvas.Y, width, height);
        canvas.Y += height;
        canvas.Text(caption, PdfFonts.Font(8.5), PdfCanvas.Muted, canvas.Left + (canvas.Width - PdfFonts.Width(caption, 8.5)) / 2, canvas.Y + 2);
        canvas.Y += captionHeight + 2 * Millimetre;
    }

    private const double ChartCaptionHeight = 8.5 * 1.6;

    /// <summary>
    /// Across the page at its proportions (a portrait page's width at most: on a landscape page two charts fit one above
    /// the other), smaller only when it would not fit on a page with its caption.
    /// </summary>
    private static (double Width, double Height) ChartSize(PdfCanvas canvas, ChartImage chart)
    {
        var width = Math.Min(canvas.Width, 182 * Millimetre);
        var height = width * chart.Height / chart.Width;
        // Two headed charts fit one page, even a landscape one.
        var tallest = (canvas.Bottom - canvas.Top) / 2 - HeadingHeight - ChartCaptionHeight - 6 * Millimetre;
        return height > tallest ? (width * tallest / height, tallest) : (width, height);
    }

    private static void WriteFooter(PdfCanvas canvas, ReportContext context, OfficeClock clock)
    {
        var text = $"由 PetitionGraph 生成 · {context.Office} · {Display.DateTime(clock.Local(context.GeneratedAt))}";
        canvas.Reserve(8 * Millimetre + 8 * 1.5);
        canvas.Y += 6 * Millimetre;
        canvas.Graphics.DrawLine(new XPen(XColor.FromArgb(0xcc, 0xcc, 0xcc), 0.5), canvas.Left, canvas.Y, canvas.Right, canvas.Y);
        canvas.Y += 2 * Millimetre;
        canvas.Text(text, PdfFonts.Font(8), XColor.FromArgb(0x77, 0x77, 0x77), canvas.Left, canvas.Y);
        canvas.Y += 8 * 1.5;
    }
}
