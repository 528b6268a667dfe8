using ScottPlot;

namespace PetitionGraph.Reporting.Charts;

/// <summary>
/// One colour per figure across all charts, so that "存量" looks the same everywhere — from the Okabe–Ito palette,
/// which readers with the common colour-vision deficiencies can tell apart (no red beside green).
/// </summary>
internal static class ChartColors
{
    public static readonly Color Stock = Color.FromHex("#0072B2");
    public static readonly Color Increment = Color.FromHex("#E69F00");
    public static readonly Color BacklogIncrement = Color.FromHex("#CC79A7");
    public static readonly Color Resolved = Color.FromHex("#009E73");
    public static readonly Color Rate = Color.FromHex("#56B4E9");
    public static readonly Color Target = Color.FromHex("#D55E00");
}
