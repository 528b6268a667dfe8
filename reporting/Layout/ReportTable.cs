namespace PetitionGraph.Reporting.Layout;

/// <summary>A table as both writers see it; Name is its sheet name in XLSX.</summary>
internal sealed record ReportTable(string Name, IReadOnlyList<TableColumn> Columns, IReadOnlyList<TableRow> Rows)
{
    /// <summary>
    /// Lines above the header, as an official form has them: its title, then the unit and date. The sheet shows them
    /// all; the page shows the lines after the first (its section heading is the title).
    /// </summary>
    public IReadOnlyList<string> Caption { get; init; } = [];

    /// <summary>A table with more columns than this prints small, on landscape pages (HTML, PDF and the sheet alike).</summary>
    public const int WideColumns = 9;

    public bool IsWide => Columns.Count > WideColumns;

    /// <summary>Whether the header has a second row (a group over some columns).</summary>
    public bool HasGroups => Columns.Any(c => c.Group is not null);

    public static TableColumn Text(string header) => new(header, ColumnKind.Text);

    public static TableColumn Integer(string header) => new(header, ColumnKind.Integer);
}
