using PetitionGraph.Api.Access;
using PetitionGraph.Api.Statistics;

namespace PetitionGraph.Api.Reports;

/// <summary>One scheduled report: a cron expression in office time, and the period each run reports on (the previous one).</summary>
public sealed record ReportSchedule
{
    public string Report { get; init; } = "monthly-overview";
    /// <summary>Five-field cron in the office time zone; "0 6 1 * *" is 06:00 on the 1st of every month.</summary>
    public string Cron { get; init; } = "0 6 1 * *";
    /// <summary>The size of period a run covers: the one before the run's instant.</summary>
    public StatisticsInterval Period { get; init; } = StatisticsInterval.Month;
}

/// <summary>Configuration section <c>Reports</c>.</summary>
public sealed record ReportOptions
{
    public bool SchedulerEnabled { get; init; } = true;
    public IReadOnlyList<ReportSchedule> Schedules { get; init; } = [new ReportSchedule()];
    /// <summary>How far back missed runs are made up after downtime.</summary>
    public int CatchUpDays { get; init; } = 95;
    public int PollSeconds { get; init; } = 30;
    public int MaxAttempts { get; init; } = 5;
    /// <summary>First retry after this long, doubling each time.</summary>
    public int RetrySeconds { get; init; } = 60;
    /// <summary>How long a claimed run is an instance's own; an instance that dies loses it after this.</summary>
    public int ClaimSeconds { get; init; } = 600;
    /// <summary>Whose view scheduled reports show: ANALYST masks names.</summary>
    public Role ScheduledReaderRole { get; init; } = Role.Analyst;
    public string OfficeName { get; init; } = "示范镇信访办";

    public static ReportOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Reports");
        var options = section.Get<ReportOptions>() ?? new ReportOptions();
        // A configured list replaces the default one rather than merging into it by index.
        return section.GetSection("Schedules").Exists() ? options with { Schedules = section.GetSection("Schedules").Get<List<ReportSchedule>>() ?? [] } : options;
    }
}
