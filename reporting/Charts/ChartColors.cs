using ScottPlot;

namespace PetitionGraph.Reporting.Charts;

/// <summary>One colour per figure across all charts, so that "存量" looks the same everywhere.</summary>
internal static class ChartColors
{
    public static readonly Color Stock = Color.FromHex("#2F6DB5");
    public static readonly Color Increment = Color.FromHex("#F28E2B");
    public static readonly Color BacklogIncrement = Color.FromHex("#D1495B");
    public static readonly Color Resolved = Color.FromHex("#3A9D5D");
    public static readonly Color Rate = Color.FromHex("#4E79A7");
    public static readonly Color Target = Color.FromHex("#C0392B");
}
