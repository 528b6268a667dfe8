using PetitionGraph.Reporting.Formatting;

namespace PetitionGraph.Reporting.Layout;

/// <summary>How a cell reads and sits, the same on the HTML page and the PDF page.</summary>
internal enum CellStyle
{
    /// <summary>Text: left, may wrap.</summary>
    Text,
    /// <summary>A count or number: right, one line.</summary>
    Number,
    /// <summary>A rate "95.0% (19/20)": right.</summary>
    Rate,
    /// <summary>A date or time: one line.</summary>
    Date,
    /// <summary>✓ or ✗: centred.</summary>
    Check,
}

internal static class CellText
{
    public static (string Text, CellStyle Style) Format(ColumnKind kind, object? value) => (kind, value) switch
    {
        (_, null) => (Display.None, kind is ColumnKind.Text ? CellStyle.Text : CellStyle.Number),
        (ColumnKind.Check, bool met) => (met ? "✓" : "✗", CellStyle.Check),
        (ColumnKind.Date, DateTime date) => (Display.Date(date), CellStyle.Date),
        (ColumnKind.DateTime, DateTime time) => (Display.DateTime(time), CellStyle.Date),
        (_, Rate rate) => (Display.Rate(rate), CellStyle.Rate),
        (_, PercentValue percent) => (Display.Percent(percent.Fraction), CellStyle.Number),
        (_, ChangeValue change) => (Display.Change(change), CellStyle.Number),
        (_, int number) => (Display.Integer(number), CellStyle.Number),
        (_, double number) => (Display.Number(number), CellStyle.Number),
        (_, DateTime time) => (Display.DateTime(time), CellStyle.Date),
        _ => (value.ToString() ?? "", CellStyle.Text),
    };

    /// <summary>The row's cell in column order; a row shorter than the columns reads "—" in the rest.</summary>
    public static (string Text, CellStyle Style) Of(ReportTable table, TableRow row, int column) =>
        Format(table.Columns[column].Kind, column < row.Cells.Count ? row.Cells[column] : null);

    /// <summary>
    /// Every cell of a table, formatted once, row after row in one array (row r, column i at r × columns + i): a long
    /// list has millions of cells, and one array instead of one per row keeps the writers' garbage collector idle.
    /// </summary>
    public static (string Text, CellStyle Style)[] Grid(ReportTable table)
    {
        var columns = table.Columns.Count;
        var cells = new (string Text, CellStyle Style)[table.Rows.Count * columns];
        for (var r = 0; r < table.Rows.Count; r++)
        {
            for (var i = 0; i < columns; i++)
            {
                cells[r * columns + i] = Of(table, table.Rows[r], i);
            }
        }
        return cells;
    }

    /// <summary>Display width in half-width units: CJK and full-width characters count twice.</summary>
    public static int Width(string text)
    {
        var width = 0;
        foreach (var c in text)
        {
            width += c >= 0x2E80 ? 2 : 1;
        }
        return width;
    }

    /// <summary>Short text columns (case numbers, names, states) stay on one line; long ones (titles) wrap.</summary>
    public static bool StaysOnOneLine(ColumnKind kind, IEnumerable<string> texts) => kind == ColumnKind.Text && texts.All(IsShort);

    /// <summary>A text short enough to keep its column on one line.</summary>
    public static bool IsShort(string text) => text.Length <= ShortText && Width(text) <= ShortText;

    private const int ShortText = 14;
}
