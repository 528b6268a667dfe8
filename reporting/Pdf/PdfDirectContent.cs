using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PetitionGraph.Reporting.Charts;

namespace PetitionGraph.Reporting.Pdf;

/// <summary>
/// What a table draws thousands of times — its cells' text and its rules — written straight into the page's content:
/// the same operators PDFsharp writes for a string (Identity-H glyph ids of the shipped font, the same baseline, the
/// same simulated bold) and for a line, without its per-call work. A key-case list at 1,000,000 cases is 1.7 million
/// cell texts and half a million rules; XGraphics spent 1.5–4 µs on each. PDFsharp still embeds the font: every
/// character written here is drawn once on a scratch page at the end (<see cref="RegisterGlyphs"/>), so the subset,
/// its widths and its Unicode map hold it, and the text extracts as it reads.
/// A page's content is deflated on the thread pool as soon as the page ends, while the next pages are drawn (PDFsharp
/// would deflate every stream one after the other when the document is saved, with a new deflater each).
/// </summary>
internal sealed class PdfDirectContent
{
    private const double BoldEmphasis = 0.02; // PDFsharp's simulated bold: stroke width and character spacing per point of size

    private static readonly Lazy<ushort[]> GlyphIds = new(LoadGlyphIds, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly SearchValues<char> Surrogates = SearchValues.Create([.. Enumerable.Range(0xD800, 0x800).Select(c => (char)c)]);

    // A stream shorter than this is framed as deflate's stored block: deflating a page number costs more than it saves.
    private const int SmallestDeflated = 1024;

    // Fills, rules and text go to separate buffers (paths may not be drawn inside a text object); at the page's end the
    // fills are written first, then the rules, then one text object. Each buffer keeps its own record of the state it has set.
    private readonly ArrayBufferWriter<byte> _fills = new(4 * 1024);
    private readonly ArrayBufferWriter<byte> _rules = new(16 * 1024);
    private readonly ArrayBufferWriter<byte> _text = new(64 * 1024);
    private readonly bool[] _used = new bool[char.MaxValue + 1];
    private readonly double _ascent;
    private PdfPage? _page;
    private double _pageHeight;
    private string? _fontName;
    private (double Size, bool Bold, XColor Color)? _textState;
    private (double Width, XColor Color)? _textStroke;
    private (double Width, XColor Color)? _ruleStroke;
    private XColor? _fillColor;
    private (double X1, double Y1, double X2, double Y2)? _lastRule;
    private long _lineX;
    private long _lineY;
    private readonly List<(PdfContent Stream, Task<byte[]> Deflated)> _pending = [];

    public PdfDirectContent()
    {
        var metrics = PdfFonts.Font(10).Metrics;
        _ascent = (double)metrics.Ascent / metrics.UnitsPerEm;
    }

    /// <summary>Text this writer can set: characters of the Basic Multilingual Plane (anything else goes through XGraphics).</summary>
    public static bool CanWrite(string text) => !text.AsSpan().ContainsAny(Surrogates);

    /// <summary>One line of text with its top-left corner at (x, top), in the page's top-down points.</summary>
    public void Text(PdfPage page, PdfFont font, string text, double size, bool bold, XColor color, double x, double top)
    {
        Begin(page);
        if (_fontName is null)
        {
            _fontName = page.Resources.AddFont(font);
        }
        if (_textState != (size, bold, color))
        {
            SetTextState(size, bold, color);
        }
        // Each text's origin is given relative to the one before (Td): BT starts the line matrix at 0 0 and every move is
        // a pure translation, so it lands exactly where an absolute "1 0 0 1 x y Tm" would, kept in whole thousandths of
        // a point so that nothing drifts. A row's cells share their y: a move of "dx 0" is half the bytes of a matrix.
        var buffer = _text;
        var lineX = Thousandths(x);
        var lineY = Thousandths(_pageHeight - top - size * _ascent);
        WriteThousandths(buffer, lineX - _lineX);
        Write(buffer, " ");
        WriteThousandths(buffer, lineY - _lineY);
        Write(buffer, " Td (");
        _lineX = lineX;
        _lineY = lineY;
        // The glyph ids as a literal string of bytes (two per glyph, not four hex digits), the string's delimiters, its
        // escape character and carriage return (which a reader would read as a line end) escaped.
        var glyphs = GlyphIds.Value;
        var span = buffer.GetSpan(text.Length * 4);
        var written = 0;
        foreach (var c in text)
        {
            _used[c] = true;
            var glyph = glyphs[c];
            WriteStringByte(span, ref written, (byte)(glyph >> 8));
            WriteStringByte(span, ref written, (byte)glyph);
        }
        buffer.Advance(written);
        Write(buffer, ") Tj\n");
    }

    private static void WriteStringByte(Span<byte> span, ref int written, byte value)
    {
        switch (value)
        {
            case (byte)'(' or (byte)')' or (byte)'\\':
                span[written++] = (byte)'\\';
                span[written++] = value;
                break;
            case (byte)'\r':
                span[written++] = (byte)'\\';
                span[written++] = (byte)'r';
                break;
            default:
                span[written++] = value;
                break;
        }
    }

    /// <summary>A straight line from (x1, y1) to (x2, y2), in the page's top-down points.</summary>
    public void Rule(PdfPage page, double width, XColor color, double x1, double y1, double x2, double y2)
    {
        BeginRule(page, width, color);
        // A table row's bottom rule is the next row's top rule: drawn once.
        if (_lastRule == (x1, y1, x2, y2))
        {
            return;
        }
        _lastRule = (x1, y1, x2, y2);
        Write(_rules, x1);
        Write(_rules, " ");
        Write(_rules, _pageHeight - y1);
        Write(_rules, " m ");
        Write(_rules, x2);
        Write(_rules, " ");
        Write(_rules, _pageHeight - y2);
        Write(_rules, " l S\n");
    }

    /// <summary>A filled rectangle (no border) with its top-left corner at (x, top), under the page's rules and text.</summary>
    public void Fill(PdfPage page, XColor color, double x, double top, double width, double height)
    {
        Begin(page);
        if (_fillColor != color)
        {
            WriteColor(_fills, color);
            Write(_fills, " rg\n");
            _fillColor = color;
        }
        Rectangle(_fills, x, top, width, height);
        Write(_fills, " re f\n");
    }

    /// <summary>A rectangle's border, drawn with the rules.</summary>
    public void Box(PdfPage page, double width, XColor color, double x, double top, double boxWidth, double height)
    {
        BeginRule(page, width, color);
        Rectangle(_rules, x, top, boxWidth, height);
        Write(_rules, " re S\n");
    }

    /// <summary>The page's rules, in this width and colour (set only when they change).</summary>
    private void BeginRule(PdfPage page, double width, XColor color)
    {
        Begin(page);
        if (_ruleStroke != (width, color))
        {
            SetStroke(_rules, width, color);
            _ruleStroke = (width, color);
            _lastRule = null;
        }
    }

    private void Rectangle(ArrayBufferWriter<byte> buffer, double x, double top, double width, double height)
    {
        Write(buffer, x);
        Write(buffer, " ");
        Write(buffer, _pageHeight - top - height);
        Write(buffer, " ");
        Write(buffer, width);
        Write(buffer, " ");
        Write(buffer, height);
    }

    /// <summary>
    /// Ends the page: its fills, rules and text go into a content stream after everything XGraphics drew there (so on
    /// top), deflated in the background; <see cref="Complete"/> waits for it.
    /// </summary>
    public void EndPage()
    {
        if (_page is null)
        {
            return;
        }
        var text = _text.WrittenCount > 0;
        // From the shared pool and back once deflated: thousands of pages would otherwise each take fresh memory.
        var content = ArrayPool<byte>.Shared.Rent(2 + _fills.WrittenCount + _rules.WrittenCount + (text ? 6 + _text.WrittenCount : 0) + 2);
        var length = 0;
        Append("q\n");
        _fills.WrittenSpan.CopyTo(content.AsSpan(length));
        length += _fills.WrittenCount;
        _rules.WrittenSpan.CopyTo(content.AsSpan(length));
        length += _rules.WrittenCount;
        if (text)
        {
            Append("BT\n");
            _text.WrittenSpan.CopyTo(content.AsSpan(length));
            length += _text.WrittenCount;
            Append("ET\n");
        }
        Append("Q\n");
        var contentLength = length;
        _pending.Add((_page.Contents.AppendContent(), Task.Run(() =>
        {
            try
            {
                return Deflate(content.AsSpan(0, contentLength));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(content);
            }
        })));
        _fills.ResetWrittenCount();
        _rules.ResetWrittenCount();
        _text.ResetWrittenCount();
        _page = null;
        _fontName = null;
        _textState = null;
        _textStroke = null;
        _ruleStroke = null;
        _fillColor = null;
        _lastRule = null;
        _lineX = 0;
        _lineY = 0;

        void Append(string text)
        {
            foreach (var c in text)
            {
                content[length++] = (byte)c;
            }
        }
    }

    /// <summary>The size of the page content streams given so far, deflated: most of a long list's file.</summary>
    public long ContentBytes { get; private set; }

    /// <summary>Gives every ended page its content stream, deflated (PDFsharp leaves a stream with a filter as it is).</summary>
    public void Complete()
    {
        EndPage();
        foreach (var (stream, deflated) in _pending)
        {
            var bytes = deflated.GetAwaiter().GetResult();
            ContentBytes += bytes.Length;
            stream.CreateStream(bytes);
            stream.Elements.SetName("/Filter", "/FlateDecode");
        }
        _pending.Clear();
    }

    /// <summary>The zlib stream of a page's content (FlateDecode): deflated at the fastest level, or stored when short.</summary>
    internal static byte[] Deflate(ReadOnlySpan<byte> content)
    {
        if (content.Length >= SmallestDeflated)
        {
            using var output = new MemoryStream(content.Length / 4);
            using (var zlib = new ZLibStream(output, CompressionLevel.Fastest))
            {
                zlib.Write(content);
            }
            return output.ToArray();
        }
        // RFC 1950 header (deflate, 32K window, no dictionary), one final stored block (RFC 1951), the Adler-32 of the data.
        var stored = new byte[2 + 5 + content.Length + 4];
        stored[0] = 0x78;
        stored[1] = 0x01;
        stored[2] = 0x01;
        BinaryPrimitives.WriteUInt16LittleEndian(stored.AsSpan(3), (ushort)content.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(stored.AsSpan(5), (ushort)~content.Length);
        content.CopyTo(stored.AsSpan(7));
        uint a = 1, b = 0;
        foreach (var value in content)
        {
            a = (a + value) % 65521;
            b = (b + a) % 65521;
        }
        BinaryPrimitives.WriteUInt32BigEndian(stored.AsSpan(7 + content.Length), (b << 16) | a);
        return stored;
    }

    /// <summary>
    /// Draws every character written on the pages once, on a page that is then removed: PDFsharp records the glyphs a
    /// font used as it draws, and embeds, measures and maps to Unicode only those.
    /// </summary>
    public void RegisterGlyphs(PdfDocument document)
    {
        var characters = new string([.. Enumerable.Range(0, _used.Length).Where(c => _used[c] && !char.IsControl((char)c)).Select(c => (char)c)]);
        if (characters.Length == 0)
        {
            return;
        }
        var scratch = document.AddPage();
        using (var graphics = XGraphics.FromPdfPage(scratch))
        {
            graphics.DrawString(characters, PdfFonts.Font(10), XBrushes.Black, 0, 0, XStringFormats.TopLeft);
        }
        document.Pages.Remove(scratch);
    }

    private void Begin(PdfPage page)
    {
        if (_page == page)
        {
            return;
        }
        EndPage();
        _page = page;
        _pageHeight = page.Height.Point;
    }

    private void SetTextState(double size, bool bold, XColor color)
    {
        var buffer = _text;
        Write(buffer, "/");
        Write(buffer, _fontName![1..]);
        Write(buffer, " ");
        Write(buffer, size);
        Write(buffer, " Tf\n");
        WriteColor(buffer, color);
        Write(buffer, " rg\n");
        if (bold)
        {
            if (_textStroke != (size * BoldEmphasis, color))
            {
                SetStroke(buffer, size * BoldEmphasis, color);
                _textStroke = (size * BoldEmphasis, color);
            }
            Write(buffer, "2 Tr\n");
            Write(buffer, size * BoldEmphasis);
            Write(buffer, " Tc\n");
        }
        else if (_textState is { Bold: true })
        {
            Write(buffer, "0 Tr\n0 Tc\n");
        }
        _textState = (size, bold, color);
    }

    private static void SetStroke(ArrayBufferWriter<byte> buffer, double width, XColor color)
    {
        Write(buffer, width);
        Write(buffer, " w\n");
        WriteColor(buffer, color);
        Write(buffer, " RG\n");
    }

    private static void WriteColor(ArrayBufferWriter<byte> buffer, XColor color)
    {
        Write(buffer, color.R / 255.0);
        Write(buffer, " ");
        Write(buffer, color.G / 255.0);
        Write(buffer, " ");
        Write(buffer, color.B / 255.0);
    }

    private static void Write(ArrayBufferWriter<byte> buffer, string text)
    {
        var span = buffer.GetSpan(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            span[i] = (byte)text[i];
        }
        buffer.Advance(text.Length);
    }

    private static long Thousandths(double value) => (long)Math.Round(value * 1000, MidpointRounding.AwayFromZero);

    /// <summary>A coordinate to a thousandth of a point, trailing zeros dropped ("12.5", "-3", "0.706").</summary>
    private static void Write(ArrayBufferWriter<byte> buffer, double value) => WriteThousandths(buffer, Thousandths(value));

    /// <summary>A number of thousandths of a point as a decimal, trailing zeros dropped.</summary>
    private static void WriteThousandths(ArrayBufferWriter<byte> buffer, long thousandths)
    {
        var span = buffer.GetSpan(24);
        var length = 0;
        if (thousandths < 0)
        {
            span[length++] = (byte)'-';
            thousandths = -thousandths;
        }
        var whole = thousandths / 1000;
        var fraction = (int)(thousandths % 1000);
        whole.TryFormat(span[length..], out var digits, provider: System.Globalization.CultureInfo.InvariantCulture);
        length += digits;
        if (fraction != 0)
        {
            span[length++] = (byte)'.';
            var divisor = 100;
            while (fraction != 0)
            {
                span[length++] = (byte)('0' + fraction / divisor);
                fraction %= divisor;
                divisor /= 10;
            }
        }
        buffer.Advance(length);
    }

    /// <summary>The font's glyph for every character of the Basic Multilingual Plane (0 where it has none), read once.</summary>
    private static ushort[] LoadGlyphIds()
    {
        var characters = new char[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            characters[c] = char.IsSurrogate((char)c) ? ' ' : (char)c;
        }
        var glyphs = ChartFonts.Typeface.GetGlyphs(new string(characters));
        return glyphs.Length == characters.Length ? glyphs
            : throw new InvalidOperationException($"SkiaSharp gave {glyphs.Length} glyphs for {characters.Length} characters.");
    }
}
