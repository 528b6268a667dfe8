using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.Reports;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Reports;

/// <summary>
/// Scheduled reports with two API instances on one database: each period is generated exactly once, missed periods
/// are made up on start, and a failing report is retried with back-off and its error kept — while the API answers.
/// </summary>
public abstract class ReportSchedulerTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly List<CustomHost> _hosts = [];

    [Fact]
    public async Task Two_instances_generate_each_scheduled_period_exactly_once()
    {
        var settings = Settings("monthly-overview", enabled: true);
        var connection = await CustomHost.NewDatabaseAsync(provider);
        var first = await StartAsync(connection, 60, settings);
        var second = await StartAsync(connection, 0, settings);
        // Both background schedulers run; the test adds two more tickers racing on the same runs.
        await Task.WhenAll(Scheduler(first).TickAsync(CancellationToken.None), Scheduler(second).TickAsync(CancellationToken.None));
        var runs = await WaitForAsync(first, runs => runs.Count == 4 && runs.All(r => r.Status == ReportRunStatus.Succeeded));

        // 06:00 on the 1st of Aug, Sep, Oct and Nov (office time) fall in the 95-day catch-up window before now.
        Assert.Equal(["2026-07", "2026-08", "2026-09", "2026-10"], runs.Select(r => r.Period).Order());
        Assert.All(runs, r => Assert.Equal(1, r.Attempts));
        Assert.All(runs, r => Assert.Equal(ReportTrigger.Schedule, r.Trigger));
        await using (var scope = first.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
            var files = await db.ReportArtifacts.GroupBy(a => a.RunId).Select(g => g.Count()).ToListAsync();
            Assert.Equal(4, files.Count);
            Assert.All(files, count => Assert.True(count >= 8));
        }

        // A month later (after downtime), the next tick adds only the new period.
        first.Clock.Now = second.Clock.Now = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        await Task.WhenAll(Scheduler(first).TickAsync(CancellationToken.None), Scheduler(second).TickAsync(CancellationToken.None));
        runs = await WaitForAsync(first, runs => runs.Count == 5 && runs.All(r => r.Status == ReportRunStatus.Succeeded));
        Assert.Equal("2026-11", runs.OrderBy(r => r.Id).Last().Period);
    }

    [Fact]
    public async Task A_failing_report_is_retried_with_back_off_and_its_error_kept()
    {
        // Campaign progress needs a campaign; this database has none, so every attempt fails.
        var settings = new Dictionary<string, string?>(Settings("campaign-progress", enabled: false))
        {
            ["Reports:MaxAttempts"] = "2",
            ["Reports:RetrySeconds"] = "60",
            ["Reports:CatchUpDays"] = "20",
        };
        var host = await StartAsync(await CustomHost.NewDatabaseAsync(provider), 20, settings);
        await Scheduler(host).TickAsync(CancellationToken.None);
        var run = Assert.Single(await RunsAsync(host));
        Assert.Equal(ReportRunStatus.Pending, run.Status);
        Assert.Equal(1, run.Attempts);
        Assert.Contains("campaign", run.Error, StringComparison.Ordinal);
        Assert.Equal(host.Clock.Now.UtcDateTime.AddSeconds(60), run.NextAttemptAt);

        await Scheduler(host).TickAsync(CancellationToken.None);
        Assert.Equal(1, Assert.Single(await RunsAsync(host)).Attempts);
        var answer = await host.Client.QueryAsync("{ reportRuns { status error attempts } cases(first: 1) { totalCount } }");
        Assert.Equal("PENDING", answer.GetProperty("reportRuns")[0].GetProperty("status").GetString());

        host.Clock.Now = host.Clock.Now.AddSeconds(61);
        await Scheduler(host).TickAsync(CancellationToken.None);
        run = Assert.Single(await RunsAsync(host));
        Assert.Equal(ReportRunStatus.Failed, run.Status);
        Assert.Equal(2, run.Attempts);
        Assert.NotNull(run.Error);
    }

    private static Dictionary<string, string?> Settings(string report, bool enabled) => new()
    {
        ["Reports:SchedulerEnabled"] = enabled ? "true" : "false",
        ["Reports:PollSeconds"] = "1",
        ["Reports:CatchUpDays"] = "95",
        ["Reports:Schedules:0:Report"] = report,
        ["Reports:Schedules:0:Cron"] = "0 6 1 * *",
        ["Reports:Schedules:0:Period"] = "Month",
    };

    private async Task<CustomHost> StartAsync(string connection, int cases, IReadOnlyDictionary<string, string?> settings)
    {
        var host = new CustomHost(provider, connection, cases, settings);
        _hosts.Add(host);
        await host.InitializeAsync();
        return host;
    }

    private static ReportScheduler Scheduler(TestHost host) => host.Services.GetRequiredService<ReportScheduler>();

    private static async Task<List<ReportRun>> RunsAsync(TestHost host)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<PetitionDbContext>().ReportRuns.OrderBy(r => r.Id).ToListAsync();
    }

    private static async Task<List<ReportRun>> WaitForAsync(TestHost host, Func<List<ReportRun>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var runs = await RunsAsync(host);
            if (done(runs) || DateTime.UtcNow > deadline)
            {
                return runs;
            }
            await Task.Delay(200);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
    }
}

public sealed class ReportSchedulerTestsOnSqlite() : ReportSchedulerTests(DatabaseProvider.Sqlite);

public sealed class ReportSchedulerTestsOnPostgres() : ReportSchedulerTests(DatabaseProvider.Postgres);
