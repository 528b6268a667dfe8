using PetitionGraph.Reporting.Layout;

namespace PetitionGraph.Reporting.Html;

/// <summary>A table as the page writes it: its cells formatted once, its id, and how each column is styled.</summary>
internal sealed class HtmlTable
{
    public HtmlTable(ReportTable table, string id)
    {
        Table = table;
        Id = id;
        Cells = CellText.Grid(table);
        ColumnClass = Enumerable.Range(0, table.Columns.Count).Select(ColumnClassOf).ToArray();
    }

    public ReportTable Table { get; }

    /// <summary>The table's id on the page, which the column rules in the head select by.</summary>
    public string Id { get; }

    /// <summary>Row r, column i at r × columns + i.</summary>
    public (string Text, CellStyle Style)[] Cells { get; }

    /// <summary>
    /// Per column, the class its rule gives every cell ("" when the cells need none), or null when the cells differ and
    /// each carries its own.
    /// </summary>
    public IReadOnlyList<string?> ColumnClass { get; }

    /// <summary>A cell style's class; plain text has none.</summary>
    public static string? ClassOf(CellStyle style) => style switch
    {
        CellStyle.Number => "num",
        CellStyle.Rate => "rate",
        CellStyle.Date => "date",
        CellStyle.Check => "check",
        _ => null,
    };

    private string? ColumnClassOf(int column)
    {
        var columns = Table.Columns.Count;
        var rows = Table.Rows.Count;
        // Short text columns (case numbers, names, states) stay on one line; long ones (titles) wrap.
        if (CellText.StaysOnOneLine(Table.Columns[column].Kind, Enumerable.Range(0, rows).Select(r => Cells[r * columns + column].Text)))
        {
            return "nw";
        }
        // An empty cell (a totals row's text columns) reads the same in any class.
        CellStyle? style = null;
        for (var r = 0; r < rows; r++)
        {
            var cell = Cells[r * columns + column];
            if (cell.Text.Length == 0)
            {
                continue;
            }
            if (style is not null && cell.Style != style)
            {
                return null;
            }
            style = cell.Style;
        }
        // A check cell keeps its class: the row's met/unmet rule colours td.check.
        return style switch
        {
            null => "",
            CellStyle.Check => null,
            _ => ClassOf(style.Value) ?? "",
        };
    }
}
