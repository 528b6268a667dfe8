namespace PetitionGraph.Reporting.Charts;

/// <summary>
/// A rendered chart: Png at twice the nominal size (sharp in print), Svg at the nominal size (text kept as
/// text, so a viewer needs the font), and every label drawn on it (for glyph checks).
/// </summary>
public sealed record ChartImage(string Name, string Title, int Width, int Height, byte[] Png, string Svg, IReadOnlyList<string> Labels);
