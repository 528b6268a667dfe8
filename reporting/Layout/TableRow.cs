namespace PetitionGraph.Reporting.Layout;

/// <summary>A row's cells in column order; CssClass marks it in HTML (e.g. "overdue").</summary>
internal sealed record TableRow(IReadOnlyList<object?> Cells, string? CssClass = null);
