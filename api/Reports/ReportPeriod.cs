using System.Globalization;
using System.Text.RegularExpressions;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.Statistics;

namespace PetitionGraph.Api.Reports;

/// <summary>
/// A report's period in office time: 2021 (year), 2021-Q2, 2021-05 (month), 2021-W18 (ISO week) or 2021-05-03 (day).
/// </summary>
public sealed partial record ReportPeriod(string Text, StatisticsInterval Interval, DateTime Start, DateTime End, string Label)
{
    public static ReportPeriod? Parse(string? text, OfficeTime office)
    {
        var value = text?.Trim() ?? "";
        DateTime local;
        StatisticsInterval interval;
        string label;
        if (YearPattern().Match(value) is { Success: true } y)
        {
            local = new DateTime(Int(y, 1), 1, 1);
            interval = StatisticsInterval.Year;
            label = $"{local.Year}年";
        }
        else if (QuarterPattern().Match(value) is { Success: true } q && Int(q, 2) is >= 1 and <= 4)
        {
            local = new DateTime(Int(q, 1), ((Int(q, 2) - 1) * 3) + 1, 1);
            interval = StatisticsInterval.Quarter;
            label = $"{local.Year}年第{Int(q, 2)}季度";
        }
        else if (MonthPattern().Match(value) is { Success: true } m && Int(m, 2) is >= 1 and <= 12)
        {
            local = new DateTime(Int(m, 1), Int(m, 2), 1);
            interval = StatisticsInterval.Month;
            label = $"{local.Year}年{local.Month}月";
        }
        else if (WeekPattern().Match(value) is { Success: true } w && Int(w, 2) is >= 1 and <= 53 && Int(w, 2) <= ISOWeek.GetWeeksInYear(Int(w, 1)))
        {
            local = ISOWeek.ToDateTime(Int(w, 1), Int(w, 2), DayOfWeek.Monday);
            interval = StatisticsInterval.Week;
            label = $"{Int(w, 1)}年第{Int(w, 2)}周";
        }
        else if (DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            local = day;
            interval = StatisticsInterval.Day;
            label = $"{day.Year}年{day.Month}月{day.Day}日";
        }
        else
        {
            return null;
        }
        if (local.Year is < 1990 or > 2200)
        {
            return null;
        }
        return new ReportPeriod(Buckets.Label(local, interval), interval, office.FromOffice(local), office.FromOffice(Buckets.Next(local, interval)), label);
    }

    /// <summary>The period before the one holding office-local <paramref name="localInstant"/>: what a scheduled run reports on.</summary>
    public static string Previous(DateTime localInstant, StatisticsInterval interval) =>
        Buckets.Label(Buckets.Previous(Buckets.CalendarStart(localInstant, interval), interval), interval);

    private static int Int(Match match, int group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(\d{4})$")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"^(\d{4})-[Qq](\d)$")]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"^(\d{4})-(\d{2})$")]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@"^(\d{4})-W(\d{2})$")]
    private static partial Regex WeekPattern();
}
