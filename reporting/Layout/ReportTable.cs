namespace PetitionGraph.Reporting.Layout;

/// <summary>A table as both writers see it; Name is its sheet name in XLSX.</summary>
internal sealed record ReportTable(string Name, IReadOnlyList<TableColumn> Columns, IReadOnlyList<TableRow> Rows)
{
    public static TableColumn Text(string header) => new(header, ColumnKind.Text);

    public static TableColumn Integer(string header) => new(header, ColumnKind.Integer);
}
