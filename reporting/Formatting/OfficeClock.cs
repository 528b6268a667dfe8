namespace PetitionGraph.Reporting.Formatting;

/// <summary>
/// Shows UTC instants in the office's time zone. Values of another kind are taken as already local (dates of
/// campaign phases, for instance). An unknown zone id falls back to UTC, and the label says so.
/// </summary>
internal sealed class OfficeClock
{
    private readonly TimeZoneInfo zone;

    public OfficeClock(string timeZoneId)
    {
        zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var found) ? found : TimeZoneInfo.Utc;
        ZoneId = found is null ? "UTC" : timeZoneId;
    }

    public string ZoneId { get; }

    public DateTime Local(DateTime value) =>
        value.Kind == DateTimeKind.Utc ? DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(value, zone), DateTimeKind.Unspecified) : value;

    /// <summary>"Asia/Shanghai，UTC+08:00" for an instant.</summary>
    public string Label(DateTime instant)
    {
        var offset = zone.GetUtcOffset(instant);
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return $"{ZoneId}，UTC{sign}{offset.Duration():hh\\:mm}";
    }
}
