namespace PetitionGraph.Reporting.Layout;

/// <summary>What a column holds: decides alignment in HTML and the cell type and number format in XLSX.</summary>
internal enum ColumnKind
{
    Text,
    Integer,
    Number,
    /// <summary>A <see cref="Reporting.Rate"/>: one "95.0% (19/20)" column in HTML, rate, numerator and denominator columns in XLSX.</summary>
    Rate,
    Date,
    DateTime,
    /// <summary>A bool shown as ✓ or ✗.</summary>
    Check,
    /// <summary>Each cell decides: int, double, <see cref="PercentValue"/>, <see cref="Reporting.Rate"/> or text.</summary>
    Mixed,
}
