using System.Net;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Cli;
using PetitionGraph.Api.Data;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Reports;

/// <summary>Reports on demand over GraphQL and from the CLI: stored runs, files served over HTTP, names by role.</summary>
public abstract class ReportGenerationTests(TestHost host)
{
    private const string Generate = """
        mutation($input: GenerateReportInput!) {
          generateReport(input: $input) {
            run { id report period status trigger readerRole attempts artifacts { fileName contentType size url } }
            userErrors { code field message }
          }
        }
        """;

    [Fact]
    public async Task The_monthly_overview_is_generated_stored_and_served()
    {
        var data = await host.Client.QueryAsync(Generate, new { input = new { report = "MONTHLY_OVERVIEW", period = "2026-09" } });
        var run = data.GetProperty("generateReport").GetProperty("run");
        Assert.Equal("monthly-overview", run.GetProperty("report").GetString());
        Assert.Equal("SUCCEEDED", run.GetProperty("status").GetString());
        Assert.Equal("ON_DEMAND", run.GetProperty("trigger").GetString());
        var artifacts = run.GetProperty("artifacts").EnumerateArray().ToDictionary(a => a.GetProperty("fileName").GetString()!);
        Assert.Contains("report.html", artifacts.Keys);
        Assert.Contains("report.xlsx", artifacts.Keys);
        Assert.Contains("stock-trend.png", artifacts.Keys);
        Assert.Contains("stock-trend.svg", artifacts.Keys);

        var html = await host.Client.Http.GetStringAsync(artifacts["report.html"].GetProperty("url").GetString());
        Assert.Contains("信访工作月报", html, StringComparison.Ordinal);
        Assert.Contains("2026年9月", html, StringComparison.Ordinal);
        var png = await host.Client.Http.GetByteArrayAsync(artifacts["stock-trend.png"].GetProperty("url").GetString());
        Assert.Equal(artifacts["stock-trend.png"].GetProperty("size").GetInt64(), png.Length);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        var missing = await host.Client.Http.GetAsync(new Uri(artifacts["report.html"].GetProperty("url").GetString()!.Replace("report.html", "nothing.html", StringComparison.Ordinal), UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        var listed = await host.Client.QueryAsync("""{ reportRuns(report: "monthly-overview", period: "2026-09") { id status } }""");
        Assert.Contains(listed.GetProperty("reportRuns").EnumerateArray(), r => r.GetProperty("id").GetString() == run.GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("ANALYST", false)]
    [InlineData("OFFICE", true)]
    public async Task The_ownership_table_shows_names_only_to_roles_that_may_see_them(string role, bool showsNames)
    {
        var data = await host.Client.QueryAsync(Generate, new { input = new { report = "LEADER_OWNERSHIP", period = "2026-10", readerRole = role } });
        var run = data.GetProperty("generateReport").GetProperty("run");
        var url = run.GetProperty("artifacts").EnumerateArray().Single(a => a.GetProperty("fileName").GetString() == "report.html").GetProperty("url").GetString();
        var html = await host.Client.Http.GetStringAsync(url);
        Assert.Contains("领导包案情况汇总表", html, StringComparison.Ordinal);

        var cases = await CaseOracle.LoadAsync(host);
        var end = DateTimeOffset.Parse("2026-11-01T00:00:00+08:00").UtcDateTime;
        var inBacklog = cases.Where(c => c.BacklogIntervals.Any(i => i.EnteredAt < end && (i.LeftAt is null || i.LeftAt >= end))).ToList();
        Assert.NotEmpty(inBacklog);
        foreach (var c in inBacklog)
        {
            Assert.Contains(c.Number, html, StringComparison.Ordinal);
            foreach (var name in c.Petitioners.Select(p => p.Petitioner!.Name))
            {
                Assert.Contains(showsNames ? name : PersonalDataPolicy.MaskName(name), html, StringComparison.Ordinal);
            }
        }
        Assert.Equal(showsNames, html.Contains("本报告含信访人个人信息", StringComparison.Ordinal));
        if (!showsNames)
        {
            Assert.DoesNotContain(inBacklog.SelectMany(c => c.Petitioners).First().Petitioner!.Name, html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("last month")]
    [InlineData("2026-W60")]
    public async Task A_bad_period_is_refused_and_nothing_is_stored(string period)
    {
        var before = await RunCountAsync();
        var data = await host.Client.QueryAsync(Generate, new { input = new { report = "BY_CATEGORY", period } });
        var error = data.GetProperty("generateReport").GetProperty("userErrors")[0];
        Assert.Equal("VALIDATION", error.GetProperty("code").GetString());
        Assert.Equal(before, await RunCountAsync());
    }

    [Fact]
    public async Task The_report_command_writes_every_file()
    {
        var directory = TestRunFolder.NewPath("report");
        var output = new StringWriter();
        var exit = await CliVerbs.RunAsync(host.Services, new CliArguments(["report", "by-village", "--period", "2026-Q3", "--out", directory]), output, CancellationToken.None);
        Assert.True(exit == 0, output.ToString());
        var files = Directory.GetFiles(directory).Select(Path.GetFileName).ToList();
        Assert.Contains("report.html", files);
        Assert.Contains("report.xlsx", files);
        Assert.Contains("by-village.png", files);
        Assert.Contains("2026年第3季度", await File.ReadAllTextAsync(Path.Combine(directory, "report.html")), StringComparison.Ordinal);
        Assert.Equal(2, await CliVerbs.RunAsync(host.Services, new CliArguments(["report", "no-such-report", "--period", "2026-09"]), output, CancellationToken.None));
        Directory.Delete(directory, recursive: true);
    }

    private async Task<int> RunCountAsync()
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<PetitionDbContext>().ReportRuns.CountAsync();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ReportGenerationTestsOnSqlite(SqliteHost host) : ReportGenerationTests(host);

[Collection(PostgresCollection.Name)]
public sealed class ReportGenerationTestsOnPostgres(PostgresHost host) : ReportGenerationTests(host);
