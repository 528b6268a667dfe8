using System.Globalization;

namespace PetitionGraph.Api.Cli;

/// <summary>A duration as a verb prints it: one decimal, two under a tenth of a second (a three-row import is not "0.0 秒").</summary>
internal static class ElapsedText
{
    public static string Seconds(double seconds) => seconds.ToString(seconds < 0.095 ? "0.00" : "0.0", CultureInfo.InvariantCulture);
}
