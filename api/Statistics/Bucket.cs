using PetitionGraph.Api.GraphQL;

namespace PetitionGraph.Api.Statistics;

/// <summary>One period [Start, End) in UTC; its calendar edges are office-time midnights.</summary>
public sealed record Bucket(int Index, DateTime Start, DateTime End, string Label);

public static class Buckets
{
    public const int MaxBuckets = 1000;

    /// <summary>
    /// Calendar buckets of <paramref name="interval"/> covering [from, to), the first and last cut at from and to.
    /// Null when there would be more than <see cref="MaxBuckets"/>.
    /// </summary>
    public static IReadOnlyList<Bucket>? Build(DateTime from, DateTime to, StatisticsInterval interval, OfficeTime office)
    {
        var buckets = new List<Bucket>();
        var local = CalendarStart(office.ToOffice(from).DateTime, interval);
        while (true)
        {
            var next = Next(local, interval);
            var start = office.FromOffice(local);
            var end = office.FromOffice(next);
            if (start >= to)
            {
                break;
            }
            if (buckets.Count == MaxBuckets)
            {
                return null;
            }
            buckets.Add(new Bucket(buckets.Count, start < from ? from : start, end > to ? to : end, Label(local, interval)));
            local = next;
        }
        return buckets;
    }

    public static DateTime CalendarStart(DateTime local, StatisticsInterval interval) => interval switch
    {
        StatisticsInterval.Day => local.Date,
        StatisticsInterval.Week => local.Date.AddDays(-(((int)local.DayOfWeek + 6) % 7)),
        StatisticsInterval.Month => new DateTime(local.Year, local.Month, 1),
        StatisticsInterval.Quarter => new DateTime(local.Year, ((local.Month - 1) / 3 * 3) + 1, 1),
        _ => new DateTime(local.Year, 1, 1),
    };

    public static DateTime Next(DateTime localStart, StatisticsInterval interval) => interval switch
    {
        StatisticsInterval.Day => localStart.AddDays(1),
        StatisticsInterval.Week => localStart.AddDays(7),
        StatisticsInterval.Month => localStart.AddMonths(1),
        StatisticsInterval.Quarter => localStart.AddMonths(3),
        _ => localStart.AddYears(1),
    };

    public static DateTime Previous(DateTime localStart, StatisticsInterval interval) => interval switch
    {
        StatisticsInterval.Day => localStart.AddDays(-1),
        StatisticsInterval.Week => localStart.AddDays(-7),
        StatisticsInterval.Month => localStart.AddMonths(-1),
        StatisticsInterval.Quarter => localStart.AddMonths(-3),
        _ => localStart.AddYears(-1),
    };

    /// <summary>2021-05-03, 2021-W18, 2021-05, 2021-Q2, 2021.</summary>
    public static string Label(DateTime localStart, StatisticsInterval interval) => interval switch
    {
        StatisticsInterval.Day => localStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        StatisticsInterval.Week => $"{System.Globalization.ISOWeek.GetYear(localStart)}-W{System.Globalization.ISOWeek.GetWeekOfYear(localStart):00}",
        StatisticsInterval.Month => localStart.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
        StatisticsInterval.Quarter => $"{localStart.Year}-Q{((localStart.Month - 1) / 3) + 1}",
        _ => localStart.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
