using System.Globalization;
using System.Text;
using System.Xml;
using PetitionGraph.Reporting.Layout;

namespace PetitionGraph.Reporting.Xlsx;

/// <summary>
/// A sheet's data rows as the SDK would write them — an inline string or a number with its style per cell, nothing for
/// an empty value — composed as text, escaped here (<see cref="Escape"/>), and written as UTF-8 in blocks straight into
/// the sheet's stream, between the XmlWriter's header rows and its end of sheetData: a 250,000-row list is two million
/// cells, and the writer's per-element checks took longer than the rest of the workbook, then its checks of raw text
/// (WriteRaw) as long again.
/// </summary>
internal static class XlsxRows
{
    private const int Block = 64 * 1024;
    private static readonly string[] StyleNumbers = [.. Enumerable.Range(0, 64).Select(i => i.ToString(CultureInfo.InvariantCulture))];

    /// <summary>
    /// The rows from row number <paramref name="first"/> on, inside the sheetData element the XmlWriter has open and has
    /// written a row into (so its start tag is closed): the writer is flushed, and the rows go to its stream after it.
    /// </summary>
    public static void Write(XmlWriter xml, Stream stream, XlsxSheet sheet, int first, string[] columnNames)
    {
        xml.Flush();
        var text = new StringBuilder(Block + 4096);
        var chunk = new char[Block + 4096];
        var bytes = new byte[Encoding.UTF8.GetMaxByteCount(chunk.Length)];
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            var number = (r + first).ToString(CultureInfo.InvariantCulture);
            text.Append("<x:row r=\"").Append(number).Append("\">");
            var row = sheet.Rows[r];
            for (var c = 0; c < row.Length && c < columnNames.Length; c++)
            {
                Cell(text, columnNames[c], number, row[c], c < sheet.Columns.Count ? sheet.Columns[c].Style : XlsxStyles.Default);
            }
            text.Append("</x:row>");
            if (text.Length >= Block)
            {
                Flush(stream, text, ref chunk, ref bytes);
            }
        }
        Flush(stream, text, ref chunk, ref bytes);
    }

    /// <summary>The block, whole rows (so no surrogate pair is cut), as UTF-8.</summary>
    private static void Flush(Stream stream, StringBuilder text, ref char[] chunk, ref byte[] bytes)
    {
        if (text.Length > chunk.Length)
        {
            chunk = new char[text.Length];
            bytes = new byte[Encoding.UTF8.GetMaxByteCount(text.Length)];
        }
        text.CopyTo(0, chunk, 0, text.Length);
        var length = Encoding.UTF8.GetBytes(chunk, 0, text.Length, bytes, 0);
        stream.Write(bytes, 0, length);
        text.Clear();
    }

    private static void Cell(StringBuilder text, string column, string row, object? value, uint columnStyle)
    {
        switch (value)
        {
            case null:
                return;
            case string plain:
                Cell(text, column, row, columnStyle == XlsxStyles.Wrapped ? XlsxStyles.Wrapped : XlsxStyles.Default, plain);
                return;
            case int number:
                Cell(text, column, row, XlsxStyles.Integer, number);
                return;
            case double number:
                Cell(text, column, row, columnStyle == XlsxStyles.Percent ? XlsxStyles.Percent : XlsxStyles.Number, number);
                return;
            case PercentValue percent:
                Cell(text, column, row, XlsxStyles.Percent, percent.Fraction);
                return;
            case ChangeValue change:
                // Percentage points are written as points (2.1), a share as a fraction (0.125 under a % format).
                Cell(text, column, row, change.Points ? XlsxStyles.ChangePoints : XlsxStyles.ChangePercent, change.Points ? change.Amount * 100 : change.Amount);
                return;
            case Rate rate:
                if (rate.Value is { } v)
                {
                    Cell(text, column, row, XlsxStyles.Percent, v);
                }
                return;
            case DateTime time:
                Cell(text, column, row, time.TimeOfDay == TimeSpan.Zero && columnStyle != XlsxStyles.DateTime ? XlsxStyles.Date : XlsxStyles.DateTime, time.ToOADate());
                return;
            default:
                Cell(text, column, row, XlsxStyles.Default, value.ToString() ?? "");
                return;
        }
    }

    private static void Start(StringBuilder text, string column, string row, uint style) =>
        text.Append("<x:c r=\"").Append(column).Append(row).Append("\" s=\"").Append(StyleNumbers[style]).Append('"');

    private static void Cell(StringBuilder text, string column, string row, uint style, double number)
    {
        Start(text, column, row, style);
        text.Append("><x:v>").Append(number.ToString(CultureInfo.InvariantCulture)).Append("</x:v></x:c>");
    }

    private static void Cell(StringBuilder text, string column, string row, uint style, string value)
    {
        Start(text, column, row, style);
        text.Append(" t=\"inlineStr\"><x:is><x:t");
        if (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])))
        {
            text.Append(" xml:space=\"preserve\"");
        }
        text.Append('>');
        Escape(text, value);
        text.Append("</x:t></x:is></x:c>");
    }

    /// <summary>
    /// Text content as XmlWriter writes it: &amp;, &lt; and &gt; escaped, line breaks as "\n"; a character XML cannot
    /// hold (a control character, a lone surrogate) becomes U+FFFD instead of failing the whole report.
    /// </summary>
    internal static void Escape(StringBuilder text, string value)
    {
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            string replacement;
            if (c == '&')
            {
                replacement = "&amp;";
            }
            else if (c == '<')
            {
                replacement = "&lt;";
            }
            else if (c == '>')
            {
                replacement = "&gt;";
            }
            else if (c == '\r')
            {
                replacement = i + 1 < value.Length && value[i + 1] == '\n' ? "" : "\n";
            }
            else if ((c < ' ' && c is not '\t' and not '\n') || c is '\uFFFE' or '\uFFFF')
            {
                replacement = "\uFFFD";
            }
            else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }
            else if (char.IsSurrogate(c))
            {
                replacement = "\uFFFD";
            }
            else
            {
                continue;
            }
            text.Append(value, start, i - start).Append(replacement);
            start = i + 1;
        }
        text.Append(value, start, value.Length - start);
    }
}
