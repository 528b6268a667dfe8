using System.Globalization;

namespace PetitionGraph.Api.GraphQL;

/// <summary>
/// Instants are stored in UTC and shown in the office's time zone (Asia/Shanghai by default);
/// day counts and calendar buckets follow that zone.
/// </summary>
public sealed class OfficeTime(TimeZoneInfo zone)
{
    public TimeZoneInfo Zone { get; } = zone;

    public static OfficeTime From(IConfiguration configuration) =>
        new(TimeZoneInfo.FindSystemTimeZoneById(configuration["Office:TimeZone"] ?? "Asia/Shanghai"));

    public DateTimeOffset ToOffice(DateTime utc)
    {
        var value = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        return new DateTimeOffset(value).ToOffset(Zone.GetUtcOffset(value));
    }

    /// <summary>Whole calendar days in the office's zone from one instant's date to another's.</summary>
    public int CalendarDaysBetween(DateTime fromUtc, DateTime toUtc) =>
        (ToOffice(toUtc).Date - ToOffice(fromUtc).Date).Days;

    /// <summary>A wall-clock time in the office's zone, as UTC.</summary>
    public DateTime FromOffice(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    /// <summary>
    /// Instants the API accepts: a petition office has no use for others, and every date computed from one (a
    /// deadline, a bucket edge, a baseline years back) stays far from DateTime's limits (0001-01-01 once underflowed).
    /// </summary>
    public static readonly DateTime Earliest = new(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static readonly DateTime Latest = new(3000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Parses ISO-8601; without an offset (or a bare date) the text means office time.</summary>
    public bool TryParse(string text, out DateTime utc)
    {
        utc = default;
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind | DateTimeStyles.AllowWhiteSpaces, out var parsed)
            || parsed < Earliest.AddDays(1) || parsed >= Latest.AddDays(-1))
        {
            return false;
        }
        utc = parsed.Kind switch
        {
            DateTimeKind.Utc => parsed,
            DateTimeKind.Local => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture).UtcDateTime,
            _ => FromOffice(parsed),
        };
        return true;
    }
}
