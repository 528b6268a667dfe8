using Cronos;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.Statistics;

using PetitionGraph.Reporting.Kinds;

namespace PetitionGraph.Api.Reports;

/// <summary>
/// Runs the configured report schedules in the background of every instance. Each tick adds the runs for every
/// occurrence in the catch-up window that has none (so periods missed during downtime are made on start), then works
/// through the runs it can claim. Failures are recorded and retried later; nothing here can stop the API.
/// </summary>
public sealed class ReportScheduler(
    ReportRunStore store, Mail.ReportMailer mailer, RollupWarmer rollups, ReportOptions options, OfficeTime office, TimeProvider clock,
    ILogger<ReportScheduler> logger)
    : BackgroundService
{
    /// <summary>This instance, as it signs its claims.</summary>
    public string Instance { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.SchedulerEnabled || options.Schedules.Count == 0)
        {
            return;
        }
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Report scheduler tick failed; trying again in {Seconds} s.", options.PollSeconds);
            }
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(options.PollSeconds), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async Task TickAsync(CancellationToken ct)
    {
        var added = await store.EnsureScheduledAsync(DuePeriods(clock.GetUtcNow().UtcDateTime), ct);
        if (added > 0)
        {
            logger.LogInformation("Scheduled {Runs} report run(s).", added);
        }
        while (await store.ClaimNextAsync(Instance, ct) is { } run)
        {
            await store.ExecuteAsync(run, Instance, ct);
        }
        await mailer.SendDueAsync(Instance, ct);
        // The periods just closed are rolled up before anyone asks for their figures (a few per tick).
        await rollups.WarmAsync(maxPeriods: 3, ct);
        if (clock.GetUtcNow() >= _nextPurge)
        {
            await store.PurgeAsync(ct);
            _nextPurge = clock.GetUtcNow().AddHours(1);
        }
    }

    private DateTimeOffset _nextPurge = DateTimeOffset.MinValue;

    /// <summary>For each schedule, the period each occurrence in the catch-up window reports on.</summary>
    public IEnumerable<(string Report, string Period)> DuePeriods(DateTime now)
    {
        foreach (var schedule in options.Schedules)
        {
            if (!ReportDefinitions.TryParse(schedule.Report, out _))
            {
                logger.LogError("Scheduled report '{Report}' does not exist; known: {Known}.", schedule.Report, string.Join(", ", ReportDefinitions.All.Select(d => d.Name)));
                continue;
            }
            CronExpression cron;
            try
            {
                cron = CronExpression.Parse(schedule.Cron);
            }
            catch (CronFormatException e)
            {
                logger.LogError("Schedule of {Report}: '{Cron}' is not a cron expression ({Message}).", schedule.Report, schedule.Cron, e.Message);
                continue;
            }
            var current = Buckets.Label(Buckets.CalendarStart(office.ToOffice(now).DateTime, schedule.Period), schedule.Period);
            foreach (var occurrence in cron.GetOccurrences(now.AddDays(-options.CatchUpDays), now, office.Zone, fromInclusive: true, toInclusive: true))
            {
                var local = office.ToOffice(occurrence).DateTime;
                if (schedule.Covers == SchedulePeriod.Previous)
                {
                    yield return (schedule.Report, ReportPeriod.Previous(local, schedule.Period));
                }
                else if (Buckets.Label(Buckets.CalendarStart(local, schedule.Period), schedule.Period) == current)
                {
                    // "What is due now" for a week already over would show today's due dates under last week's name.
                    yield return (schedule.Report, current);
                }
            }
        }
    }
}
