using System.Globalization;

namespace PetitionGraph.Reporting.Charts;

/// <summary>Number text for chart labels: whole numbers without decimals, others with at most two.</summary>
internal static class Numbers
{
    public static string Compact(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Percent(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
