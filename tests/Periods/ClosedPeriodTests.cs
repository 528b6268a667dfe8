using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.Reports;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Periods;

/// <summary>
/// Closed periods (DESIGN §6): a period closes when its scheduled report is produced or the office closes it, its
/// figures kept as published; a backdated petition is accepted only with a reason and recorded as a correction;
/// statistics and closedPeriods answer as published and as restated, and the next report lists 上期数据更正.
/// Each test has a database of its own: closing periods in the shared one would refuse other tests' backdated petitions.
/// </summary>
public abstract class ClosedPeriodTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly List<CustomHost> _hosts = [];

    private const string Register = """
        mutation($input: RegisterPetitionInput!) { registerPetition(input: $input) { case { number } userErrors { code field message } } }
        """;

    private const string Figures = """
        query($published: Boolean) { statistics(from: "2026-09-01", to: "2026-11-01", asPublished: $published) { buckets { label published increment petitions stock } } }
        """;

    [Fact]
    public async Task A_backdated_petition_in_a_closed_period_needs_a_reason_and_restates_it_while_the_published_figures_stay()
    {
        var host = await StartAsync(60, scheduler: false);
        var office = host.Client;
        Assert.Equal("VALIDATION", await CloseRefusedAsync(office, "2026-11"));
        Assert.Equal("VALIDATION", await CloseRefusedAsync(office, "last month"));
        var before = await host.ClientAs(Role.Analyst, "analyst").QueryAsync(Figures, new { published = false });
        await CloseAsync(office, "2026-09");
        await CloseAsync(office, "2026-10");
        Assert.Equal("INVALID_STATE", await CloseRefusedAsync(office, "2026-09"));
        var cases = await CountAsync(host);

        // Dated in September: refused without a reason, and nothing recorded.
        var refused = (await office.QueryAsync(Register, new { input = Petition("2026-09-15T10:00:00+08:00", null) })).GetProperty("registerPetition");
        var error = refused.GetProperty("userErrors")[0];
        Assert.Equal("PERIOD_CLOSED", error.GetProperty("code").GetString());
        Assert.Equal(["input", "receivedAt"], error.GetProperty("field").EnumerateArray().Select(f => f.GetString()));
        Assert.Contains("2026-09、2026-10", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(cases, await CountAsync(host));
        // Dated now (after every closed period): no reason needed.
        var today = (await office.QueryAsync(Register, new { input = Petition("2026-11-01T07:30:00+08:00", null) })).GetProperty("registerPetition");
        Assert.Equal(0, today.GetProperty("userErrors").GetArrayLength());

        // With a reason: recorded, as a correction.
        var corrected = (await office.QueryAsync(Register, new { input = Petition("2026-09-15T10:00:00+08:00", "补录：9月15日来信当时未登记") })).GetProperty("registerPetition");
        Assert.Equal(0, corrected.GetProperty("userErrors").GetArrayLength());
        var number = corrected.GetProperty("case").GetProperty("number").GetString();

        // statistics as published: September and October exactly as before; as restated: September has one more.
        var analyst = host.ClientAs(Role.Analyst, "analyst");
        var published = Buckets(await analyst.QueryAsync(Figures, new { published = true }));
        var restated = Buckets(await analyst.QueryAsync(Figures, new { published = false }));
        var original = Buckets(before);
        Assert.Equal(original.Select(b => b with { Published = true }), published);
        Assert.Equal(original[0].Increment + 1, restated[0].Increment);
        Assert.Equal(original[0].Petitions + 1, restated[0].Petitions);
        Assert.All(restated, b => Assert.False(b.Published));

        // closedPeriods: both ways, and the correction with its reason and case.
        var periods = (await analyst.QueryAsync("""
            { closedPeriods { period closedBy published { increment stock } restated { increment stock } corrections { reason entry case { number } } } }
            """)).GetProperty("closedPeriods").EnumerateArray().ToList();
        Assert.Equal(["2026-10", "2026-09"], periods.Select(p => p.GetProperty("period").GetString()));
        var september = periods[1];
        Assert.Equal("test-office", september.GetProperty("closedBy").GetString());
        Assert.Equal(original[0].Increment, september.GetProperty("published").GetProperty("increment").GetInt32());
        Assert.Equal(restated[0].Increment, september.GetProperty("restated").GetProperty("increment").GetInt32());
        Assert.Equal(restated[0].Stock, september.GetProperty("restated").GetProperty("stock").GetInt32());
        var correction = Assert.Single(september.GetProperty("corrections").EnumerateArray());
        Assert.Equal("补录：9月15日来信当时未登记", correction.GetProperty("reason").GetString());
        Assert.Equal(number, correction.GetProperty("case").GetProperty("number").GetString());
        // October is restated by the same entry (its month-end stock may include the case), so it lists it too.
        Assert.Single(periods[0].GetProperty("corrections").EnumerateArray());

        // Published figures are town-wide: not grouped, not filtered, not for a scope narrower than the town.
        var grouped = await analyst.PostAsync("""{ statistics(from: "2026-09-01", to: "2026-10-01", asPublished: true, groupBy: [CATEGORY]) { buckets { increment } } }""");
        Assert.Equal(["INVALID_ARGUMENT"], grouped.ErrorCodes);
        var handler = host.ClientAs(Role.VillageHandler, "handler", villages: ["9901001"]);
        var narrow = await handler.PostAsync("""{ statistics(from: "2026-09-01", to: "2026-10-01", asPublished: true) { buckets { increment } } }""");
        Assert.Equal(["FORBIDDEN"], narrow.ErrorCodes);
        Assert.Equal(["FORBIDDEN"], (await handler.PostAsync("{ closedPeriods { period } }")).ErrorCodes);
    }

    [Fact]
    public async Task A_scheduled_report_closes_its_period_and_the_next_report_lists_the_restated_figures_with_the_reason()
    {
        var host = await StartAsync(60, scheduler: true);
        await Scheduler(host).TickAsync(CancellationToken.None);
        var october = await SingleClosedAsync(host, "2026-10");
        Assert.Equal("schedule", october.ClosedBy);
        // Rolled up by the same tick, every grouping (none, five dimensions, ten pairs), before anyone asks.
        Assert.Equal(16, await CountRollupMarkersAsync(host));
        host.Clock.Now = host.Clock.Now.AddMinutes(10);

        var corrected = (await host.Client.QueryAsync(Register, new { input = Petition("2026-10-20T10:00:00+08:00", "区信访局转来10月20日网上信访，补录") }))
            .GetProperty("registerPetition");
        Assert.Equal(0, corrected.GetProperty("userErrors").GetArrayLength());
        var number = corrected.GetProperty("case").GetProperty("number").GetString();

        // December 1st: November's report is made (and November closes); it lists what the correction restated.
        host.Clock.Now = new DateTimeOffset(2026, 11, 30, 22, 30, 0, TimeSpan.Zero);
        await Scheduler(host).TickAsync(CancellationToken.None);
        await SingleClosedAsync(host, "2026-11");
        var html = await ArtifactAsync(host, "2026-11", "report.html");
        Assert.Contains("上期数据更正", html, StringComparison.Ordinal);
        var section = html[html.IndexOf("<h2>上期数据更正", StringComparison.Ordinal)..];
        var row = System.Text.RegularExpressions.Regex.Match(section, "<tr>(?:(?!</tr>).)*新增案件（增量）(?:(?!</tr>).)*</tr>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        var published = october.PublishedCounts.Increment;
        var cells = System.Text.RegularExpressions.Regex.Matches(row, "<td[^>]*>(.*?)</td>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["2026-10", "新增案件（增量）", $"{published}", $"{published + 1}", $"{number}：区信访局转来10月20日网上信访，补录"], cells);
        // The October report, made before, is not changed by it.
        Assert.DoesNotContain("上期数据更正", await ArtifactAsync(host, "2026-10", "report.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_ledger_row_dated_in_a_closed_period_is_refused_and_nothing_imported()
    {
        var host = await StartAsync(20, scheduler: false);
        await CloseAsync(host.Client, "2026-09");
        var village = (await host.Client.QueryAsync("{ villages(first: 1) { nodes { name } } }")).GetProperty("villages").GetProperty("nodes")[0].GetProperty("name").GetString();
        var sheet = TestRunFolder.NewPath("ledger", ".csv");
        await File.WriteAllTextAsync(sheet, $"案件编号,登记日期,领域,村（社区）,状态,诉求\n2026-9901,2026-09-05,OTHER,{village},办理中,要求处理\n2026-9902,2026-10-05,OTHER,{village},办理中,要求处理\n");
        var cases = await CountAsync(host);
        var output = new StringWriter();
        var exit = await Api.Cli.CliVerbs.RunAsync(host.Services, new Api.Cli.CliArguments(["import", sheet, "--lang", "en"]), output, CancellationToken.None);
        Assert.Equal(1, exit);
        Assert.Contains("row 2, 登记日期: 2026-09-05 lies before the end of a closed period", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("row 3", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(cases, await CountAsync(host));
        File.Delete(sheet);
    }

    /// <summary>
    /// Roll-ups: every grouping (none, each dimension, each pair) of town-wide statistics over closed months equals the
    /// same request computed live — before roll-ups exist, once they are stored, and after a correction, which must
    /// drop the affected months' roll-ups (a stale one would hide the corrected petition).
    /// </summary>
    [Fact]
    public async Task Rolled_up_closed_months_agree_with_the_live_figures_for_every_grouping_also_after_a_correction()
    {
        var host = await StartAsync(120, scheduler: false);
        foreach (var month in new[] { "2026-07", "2026-08", "2026-09", "2026-10" })
        {
            await CloseAsync(host.Client, month);
        }
        string[] dimensions = ["CATEGORY", "VILLAGE", "LEADER", "CHANNEL", "LEVEL"];
        var groupings = new List<string[]> { Array.Empty<string>() };
        groupings.AddRange(dimensions.Select(d => new[] { d }));
        groupings.AddRange(dimensions.SelectMany((a, i) => dimensions.Skip(i + 1).Select(b => new[] { a, b })));
        var analyst = host.ClientAs(Role.Analyst, "analyst");

        async Task AgreeAsync(string when)
        {
            foreach (var groupBy in groupings)
            {
                // Town-wide (rolled up where it can), and the same with a filter every case passes (always computed).
                var rolled = await analyst.QueryAsync(Grouped, new { groupBy, where = (object?)null });
                var live = await analyst.QueryAsync(Grouped, new { groupBy, where = new { number = new { neq = "0000-0000" } } });
                Assert.True(rolled.GetRawText() == live.GetRawText(), $"{when}, by [{string.Join(",", groupBy)}]");
            }
        }

        await AgreeAsync("before any roll-up");
        Assert.Equal(4 * groupings.Count, await CountRollupMarkersAsync(host));
        await AgreeAsync("from the roll-ups");

        var corrected = (await host.Client.QueryAsync(Register, new { input = Petition("2026-08-20T10:00:00+08:00", "补录") })).GetProperty("registerPetition");
        Assert.Equal(0, corrected.GetProperty("userErrors").GetArrayLength());
        // July's roll-ups stay (the petition is dated after it); August, September and October were restated.
        Assert.Equal(groupings.Count, await CountRollupMarkersAsync(host));
        await AgreeAsync("after the correction");
    }

    /// <summary>
    /// A bucket spanning closed months — a quarter, a year, a stretch starting or ending between them — is counted from
    /// their roll-ups plus the stretches around them, computed; it equals the same request computed live, the stock
    /// included (the bucket's at its end, so the last stretch's).
    /// </summary>
    [Fact]
    public async Task A_bucket_spanning_closed_months_is_counted_from_their_roll_ups_and_agrees_with_the_live_figures()
    {
        var host = await StartAsync(120, scheduler: false);
        foreach (var month in new[] { "2026-07", "2026-08", "2026-09", "2026-10" })
        {
            await CloseAsync(host.Client, month);
        }
        var analyst = host.ClientAs(Role.Analyst, "analyst");
        (string From, string To, string Interval)[] spans =
            [("2026-06-15", "2026-11-01", "QUARTER"), ("2026-06-15", "2026-11-01", "YEAR"), ("2026-07-01", "2026-10-20", "YEAR"), ("2026-05-01", "2026-11-01", "YEAR")];
        string[][] groupings = [[], ["CATEGORY"], ["LEADER", "CHANNEL"]];
        foreach (var pass in new[] { "rolling the months up", "from the roll-ups" })
        {
            foreach (var (from, to, interval) in spans)
            {
                foreach (var groupBy in groupings)
                {
                    var rolled = await analyst.QueryAsync(Spanning, new { from, to, interval, groupBy, where = (object?)null });
                    var live = await analyst.QueryAsync(Spanning, new { from, to, interval, groupBy, where = new { number = new { neq = "0000-0000" } } });
                    Assert.True(rolled.GetRawText() == live.GetRawText(), $"{pass}: {from} to {to} by {interval}, [{string.Join(",", groupBy)}]");
                    Assert.Contains(live.GetProperty("statistics").GetProperty("buckets").EnumerateArray(), b => b.GetProperty("stock").GetInt32() > 0);
                }
            }
        }
        // No request asked for a month: the spanning buckets rolled the four months up themselves, once per grouping.
        Assert.Equal(4 * groupings.Length, await CountRollupMarkersAsync(host));
    }

    private const string Spanning = """
        query($from: DateTime!, $to: DateTime!, $interval: StatisticsInterval!, $groupBy: [StatisticsDimension!], $where: CaseFilterInput) {
          statistics(from: $from, to: $to, interval: $interval, groupBy: $groupBy, where: $where) {
            buckets { label category { code } leader { name } channel
              stock increment backlogIncrement resolved petitions highLevelPetitions
              repeatPetitionRate { numerator denominator } onTimeAcceptanceRate { numerator denominator }
              onTimeConclusionRate { numerator denominator } evaluationRate { numerator denominator } satisfactionRate { numerator denominator } }
          }
        }
        """;

    private const string Grouped = """
        query($groupBy: [StatisticsDimension!], $where: CaseFilterInput) {
          statistics(from: "2026-06-15", to: "2026-11-01", interval: MONTH, groupBy: $groupBy, where: $where) {
            buckets { label category { code } village { code } leader { name } channel level
              stock increment backlogIncrement resolved petitions highLevelPetitions
              repeatPetitionRate { numerator denominator } onTimeAcceptanceRate { numerator denominator }
              onTimeConclusionRate { numerator denominator } evaluationRate { numerator denominator } satisfactionRate { numerator denominator } }
          }
        }
        """;

    private static async Task<int> CountRollupMarkersAsync(TestHost host)
    {
        await using var scope = host.Scope();
        var rollups = await scope.ServiceProvider.GetRequiredService<PetitionDbContext>().FigureRollups.ToListAsync();
        return rollups.Count(r => r.IsMarker);
    }

    private static object Petition(string receivedAt, string? correctionReason) => new
    {
        receivedAt,
        channel = "LETTER",
        title = "补录事项",
        demand = "要求依法处理",
        categoryCode = "OTHER",
        villageCode = "9901001",
        petitioners = new[] { new { name = "补录甲", idNumber = Cases.CaseActions.NewIdNumber() } },
        correctionReason,
    };

    private sealed record BucketFigures(string Label, bool Published, int Increment, int Petitions, int Stock);

    private static List<BucketFigures> Buckets(JsonElement data) =>
        [.. data.GetProperty("statistics").GetProperty("buckets").EnumerateArray().Select(b => new BucketFigures(
            b.GetProperty("label").GetString()!, b.GetProperty("published").GetBoolean(), b.GetProperty("increment").GetInt32(),
            b.GetProperty("petitions").GetInt32(), b.GetProperty("stock").GetInt32()))];

    private static async Task CloseAsync(GraphQLClient client, string period)
    {
        var data = await client.QueryAsync("mutation($p: String!) { closePeriod(input: { period: $p }) { closedPeriod { period } userErrors { message } } }", new { p = period });
        Assert.Equal(period, data.GetProperty("closePeriod").GetProperty("closedPeriod").GetProperty("period").GetString());
    }

    private static async Task<string?> CloseRefusedAsync(GraphQLClient client, string period)
    {
        var data = await client.QueryAsync("mutation($p: String!) { closePeriod(input: { period: $p }) { closedPeriod { period } userErrors { code } } }", new { p = period });
        return data.GetProperty("closePeriod").GetProperty("userErrors")[0].GetProperty("code").GetString();
    }

    private static async Task<Api.Periods.ClosedPeriod> SingleClosedAsync(TestHost host, string period)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<PetitionDbContext>().ClosedPeriods.SingleAsync(p => p.Period == period);
    }

    private static async Task<string> ArtifactAsync(TestHost host, string period, string file)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
        var content = await db.ReportArtifacts.Where(a => a.FileName == file)
            .Join(db.ReportRuns.Where(r => r.Period == period && r.Report == "monthly-overview"), a => a.RunId, r => r.Id, (a, _) => a.Content).SingleAsync();
        return System.Text.Encoding.UTF8.GetString(content);
    }

    private static async Task<int> CountAsync(TestHost host)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<PetitionDbContext>().Cases.CountAsync();
    }

    private static ReportScheduler Scheduler(TestHost host) => host.Services.GetRequiredService<ReportScheduler>();

    private async Task<CustomHost> StartAsync(int cases, bool scheduler)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Reports:SchedulerEnabled"] = "false",
            ["Reports:CatchUpDays"] = scheduler ? "20" : "0",
            ["Reports:Schedules:0:Report"] = "monthly-overview",
            ["Reports:Schedules:0:Cron"] = "0 6 1 * *",
            ["Reports:Schedules:0:Period"] = "Month",
            ["Reports:Pdf:Enabled"] = "false",
        };
        var host = new CustomHost(provider, await CustomHost.NewDatabaseAsync(provider), cases, settings);
        _hosts.Add(host);
        await host.InitializeAsync();
        return host;
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

public sealed class ClosedPeriodTestsOnSqlite() : ClosedPeriodTests(DatabaseProvider.Sqlite);

public sealed class ClosedPeriodTestsOnPostgres() : ClosedPeriodTests(DatabaseProvider.Postgres);
