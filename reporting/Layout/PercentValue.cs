namespace PetitionGraph.Reporting.Layout;

/// <summary>A fraction shown as a percentage (0.4 → "40.0%"); a percent-formatted number in XLSX.</summary>
internal readonly record struct PercentValue(double Fraction);
