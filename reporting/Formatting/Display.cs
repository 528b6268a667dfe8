using System.Globalization;

namespace PetitionGraph.Reporting.Formatting;

/// <summary>How figures read in a report: "95.0% (19/20)", "—" when nothing fell due, dates as yyyy-MM-dd.</summary>
public static class Display
{
    public const string None = "—";

    public static string Rate(Rate rate) =>
        rate.Value is { } value ? $"{Percent(value)} ({rate.Numerator}/{rate.Denominator})" : None;

    public static string Percent(double fraction) =>
        (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>环比 / 同比 as an office writes it: "+12.5%" for a count, "+2.1个百分点" for a rate, "0.0%" when unchanged.</summary>
    internal static string Change(Layout.ChangeValue change) =>
        (change.Amount * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + (change.Points ? "个百分点" : "%");

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Date(DateTime value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A span as an office writes it, both ends included: [2026-01-01, 2026-03-01) is "2026-01-01 至 2026-02-28".</summary>
    public static string DateRange(DateTime fromLocal, DateTime toExclusiveLocal) =>
        $"{Date(fromLocal)} 至 {Date(toExclusiveLocal.TimeOfDay == TimeSpan.Zero ? toExclusiveLocal.AddDays(-1) : toExclusiveLocal)}";

    public static string DateTime(DateTime value) => value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
