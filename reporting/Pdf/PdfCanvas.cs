using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace PetitionGraph.Reporting.Pdf;

/// <summary>
/// The pages of one PDF and where on the current one the next block goes: A4 (landscape when a table is wide), the
/// HTML page's print margins, a new page when a block does not fit, and at the end "n / N" under every page — and
/// above every page the personal-data warning when the report shows personal data.
/// </summary>
internal sealed class PdfCanvas(PdfDocument document, bool landscape, string? everyPageNote)
{
    public const double Millimetre = 72 / 25.4;
    public static readonly XColor Ink = XColor.FromArgb(0x1f, 0x23, 0x28);
    public static readonly XColor Muted = XColor.FromArgb(0x66, 0x66, 0x66);
    public static readonly XColor Warning = XColor.FromArgb(0xb4, 0x23, 0x18);
    public static readonly XColor Accent = XColor.FromArgb(0x2f, 0x6d, 0xb5);

    private readonly PdfDirectContent _direct = new();
    private XGraphics? _graphics;
    private PdfPage? _page;
    private PdfFont? _font;

    public double PageWidth { get; } = (landscape ? 297 : 210) * Millimetre;
    public double PageHeight { get; } = (landscape ? 210 : 297) * Millimetre;
    public double Left { get; } = 14 * Millimetre;
    public double Right => PageWidth - 14 * Millimetre;
    public double Top { get; } = 16 * Millimetre;
    public double Bottom => PageHeight - 18 * Millimetre;
    public double Width => Right - Left;

    /// <summary>Where the next block starts on the current page.</summary>
    public double Y { get; set; }

    /// <summary>The current page's XGraphics, made when first asked for: a page of table rows is written directly and needs none.</summary>
    public XGraphics Graphics => _graphics ??= XGraphics.FromPdfPage(Page);

    public bool AtPageTop => _page is null || Y <= Top + 0.01;

    public bool Fits(double height) => _page is not null && Y + height <= Bottom;

    /// <summary>Starts a new page when the block does not fit on this one (a block taller than a page starts one anyway).</summary>
    public void Reserve(double height)
    {
        if (!Fits(height) && !(AtPageTop && _page is not null))
        {
            NewPage();
        }
    }

    public PdfPage NewPage()
    {
        EndPage();
        var page = _page = document.AddPage();
        page.Width = XUnit.FromPoint(PageWidth);
        page.Height = XUnit.FromPoint(PageHeight);
        Y = Top;
        return page;
    }

    private PdfPage Page => _page ?? NewPage();

    public void Text(string text, XFont font, XColor color, double x, double y) =>
        Graphics.DrawString(text, font, new XSolidBrush(color), x, y, XStringFormats.TopLeft);

    /// <summary>
    /// As <see cref="Text"/>, in the document's font at this size, for the many short texts of a table's cells: written
    /// into the page's content directly (<see cref="PdfDirectContent"/>), on top of what the page's graphics draw.
    /// </summary>
    public void CellText(string text, double size, bool bold, XColor color, double x, double y)
    {
        if (!PdfDirectContent.CanWrite(text) || DocumentFont() is not { } font)
        {
            // Text outside the Basic Multilingual Plane, or no text drawn yet to give the document its font.
            Text(text, PdfFonts.Font(size, bold), color, x, y);
            return;
        }
        _direct.Text(Page, font, text, size, bold, color, x, y);
    }

    /// <summary>As XGraphics.DrawLine, for a table's many rules: written into the page's content directly, on top.</summary>
    public void Rule(XPen pen, double x1, double y1, double x2, double y2) => _direct.Rule(Page, pen.Width, pen.Color, x1, y1, x2, y2);

    /// <summary>A table's cell backgrounds: written into the page's content directly, under its rules and text.</summary>
    public void Fill(XColor color, double x, double y, double width, double height) => _direct.Fill(Page, color, x, y, width, height);

    /// <summary>A table's cell borders: written into the page's content directly, with its rules.</summary>
    public void Box(XPen pen, double x, double y, double width, double height) => _direct.Box(Page, pen.Width, pen.Color, x, y, width, height);

    /// <summary>The size of the pages' table content, deflated (known after <see cref="Finish"/>).</summary>
    public long ContentBytes => _direct.ContentBytes;

    /// <summary>The font PDFsharp made for the document when it first drew text (one face: bold is simulated).</summary>
    private PdfFont? DocumentFont() => _font ??= document.Pages.Cast<PdfPage>()
        .Select(page => page.Resources.Elements.GetDictionary("/Font"))
        .SelectMany(fonts => fonts?.Elements.Values ?? [])
        .Select(value => value is PdfReference reference ? reference.Value : value)
        .OfType<PdfFont>()
        .FirstOrDefault();

    private void EndPage()
    {
        _graphics?.Dispose();
        _graphics = null;
        _direct.EndPage();
    }

    /// <summary>Ends the last page and writes the page numbers (and the warning) on every page, now that their count is known.</summary>
    public void Finish()
    {
        EndPage();
        var count = document.PageCount;
        for (var i = 0; i < count; i++)
        {
            _page = document.Pages[i];
            var number = $"{i + 1} / {count}";
            CellText(number, 8, bold: false, Muted, (PageWidth - PdfFonts.Width(number, 8)) / 2, Bottom + 8 * Millimetre);
            if (everyPageNote is not null)
            {
                CellText(everyPageNote, 8, bold: false, Warning, (PageWidth - PdfFonts.Width(everyPageNote, 8)) / 2, Top - 8 * Millimetre);
            }
            EndPage();
        }
        _page = null;
        _direct.Complete();
        _direct.RegisterGlyphs(document);
    }

    /// <summary>
    /// Breaks a text into lines no wider than <paramref name="width"/>: between any two Chinese characters, after a space
    /// or a hyphen in other text, and inside a word only when the word alone is wider than the line.
    /// </summary>
    public static List<string> Wrap(string text, double width, double size, bool bold = false)
    {
        var lines = new List<string>();
        Wrap(text, width, size, bold, lines);
        return lines;
    }

    /// <summary>As <see cref="Wrap(string, double, double, bool)"/>, adding the lines to <paramref name="lines"/>.</summary>
    public static void Wrap(string text, double width, double size, bool bold, List<string> lines)
    {
        if (!text.Contains('\n') && PdfFonts.Width(text, size, bold) <= width + 0.01 && text.TrimEnd().Length == text.Length)
        {
            // Fits as it is (most cells): the text itself is its one line.
            lines.Add(text);
            return;
        }
        foreach (var paragraph in text.Split('\n'))
        {
            var start = 0;
            var lastBreak = -1;
            var lineWidth = 0.0;
            for (var i = 0; i < paragraph.Length; i++)
            {
                var c = paragraph[i];
                if (c >= 0x2E80 && i > start)
                {
                    lastBreak = i;
                }
                var w = PdfFonts.CharWidth(c, bold) * size;
                // (A hair of tolerance: a column sized to its header must not wrap it for a rounding error.)
                if (lineWidth + w > width + 0.01 && i > start)
                {
                    var end = lastBreak > start ? lastBreak : i;
                    lines.Add(paragraph[start..end].TrimEnd());
                    start = end;
                    while (start < paragraph.Length && paragraph[start] == ' ')
                    {
                        start++;
                    }
                    lastBreak = -1;
                    lineWidth = 0;
                    // Measured again from the new line's start (at most one line's characters twice).
                    i = start - 1;
                    continue;
                }
                lineWidth += w;
                if (c is ' ' or '-' or '/' or '、' or '，' or '；')
                {
                    lastBreak = i + 1;
                }
            }
            lines.Add(paragraph[start..].TrimEnd());
        }
    }
}
