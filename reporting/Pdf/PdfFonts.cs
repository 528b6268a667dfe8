using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using PetitionGraph.Reporting.Charts;

namespace PetitionGraph.Reporting.Pdf;

/// <summary>
/// The one face every PDF is set in: the shipped subset of WenQuanYi Micro Hei (the charts' font), embedded as a
/// subset with its Unicode map, so the PDF reads — and its text extracts — the same on any machine. Bold is drawn by
/// PDFsharp's simulation (the face has no bold). Widths are measured once per character and kept in a table: a thousand-page
/// list measures every cell to wrap it.
/// </summary>
internal sealed class PdfFonts : IFontResolver
{
    private const string Family = "PetitionGraph CJK";
    private static readonly Lazy<byte[]> FontFile = new(() => File.ReadAllBytes(ChartFonts.FontPath));
    private static readonly object Registration = new();
    // Widths at size 1 by character, regular and bold; 0 = not measured yet (no character is zero-wide here but
    // controls, which are measured again each time). Two writers racing write the same value.
    private static readonly double[] RegularWidths = new double[char.MaxValue + 1];
    private static readonly double[] BoldWidths = new double[char.MaxValue + 1];
    private static XGraphics? _measure;

    /// <summary>PDFsharp's font resolver is process-wide: set once, before the first font is made.</summary>
    public static void Register()
    {
        lock (Registration)
        {
            if (GlobalFontSettings.FontResolver is not PdfFonts)
            {
                GlobalFontSettings.FontResolver = new PdfFonts();
            }
            _measure ??= XGraphics.CreateMeasureContext(new XSize(1000, 1000), XGraphicsUnit.Point, XPageDirection.Downwards);
        }
    }

    public static XFont Font(double size, bool bold = false) =>
        new(Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));

    /// <summary>The width of a text set in a font of this size, in points.</summary>
    public static double Width(string text, double size, bool bold = false)
    {
        var width = 0.0;
        foreach (var c in text)
        {
            width += CharWidth(c, bold);
        }
        return width * size;
    }

    /// <summary>The width of one character at size 1.</summary>
    public static double CharWidth(char c, bool bold)
    {
        var widths = bold ? BoldWidths : RegularWidths;
        var width = widths[c];
        if (width == 0)
        {
            lock (Registration)
            {
                // Measured at 100 points for precision.
                width = widths[c] = _measure!.MeasureString(c.ToString(), Font(100, bold)).Width / 100;
            }
        }
        return width;
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(Family, mustSimulateBold: bold, mustSimulateItalic: false);

    public byte[]? GetFont(string faceName) => FontFile.Value;
}
