using PetitionGraph.Api.Access;
using PetitionGraph.Api.Statistics;

namespace PetitionGraph.Api.Reports;

/// <summary>Which period a scheduled run reports on.</summary>
public enum SchedulePeriod
{
    /// <summary>The period before the run's instant: a month's report on the 1st of the next.</summary>
    Previous,
    /// <summary>The period holding the run's instant: what is due this week, on Monday morning.</summary>
    Current,
}

/// <summary>One scheduled report: a cron expression in office time, and the period each run reports on.</summary>
public sealed record ReportSchedule
{
    public string Report { get; init; } = "monthly-overview";
    /// <summary>Five-field cron in the office time zone; "0 6 1 * *" is 06:00 on the 1st of every month.</summary>
    public string Cron { get; init; } = "0 6 1 * *";
    /// <summary>The size of period a run covers: the one before the run's instant.</summary>
    public StatisticsInterval Period { get; init; } = StatisticsInterval.Month;
    /// <summary>The previous period (default) or the current one; a current period's run is only made while it is current.</summary>
    public SchedulePeriod Covers { get; init; } = SchedulePeriod.Previous;
}

/// <summary>Configuration section <c>Reports</c>.</summary>
public sealed record ReportOptions
{
    public bool SchedulerEnabled { get; init; } = true;
    /// <summary>The office's defaults: the monthly report and the 领导包案台账 on the 1st, the due list every Monday.</summary>
    public IReadOnlyList<ReportSchedule> Schedules { get; init; } =
    [
        new ReportSchedule(),
        new ReportSchedule { Report = "leader-ownership", Cron = "0 6 1 * *", Period = StatisticsInterval.Month },
        new ReportSchedule { Report = "due-list", Cron = "0 8 * * 1", Period = StatisticsInterval.Week, Covers = SchedulePeriod.Current },
    ];
    /// <summary>How far back missed runs are made up after downtime.</summary>
    public int CatchUpDays { get; init; } = 95;
    public int PollSeconds { get; init; } = 30;
    /// <summary>Finished runs older than this are deleted with their files (never less than twice CatchUpDays).</summary>
    public int RetentionMonths { get; init; } = 24;
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
