using System.Net;
using System.Text.Json;
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
        // Listed as the report lists them: the page, the workbook, the charts, the PDF.
        var names = run.GetProperty("artifacts").EnumerateArray().Select(a => a.GetProperty("fileName").GetString()!).ToList();
        Assert.Equal(["report.html", "report.xlsx", "stock-trend.png", "stock-trend.svg"], names[..4]);
        Assert.Equal("report.pdf", names[^1]);
        var artifacts = run.GetProperty("artifacts").EnumerateArray().ToDictionary(a => a.GetProperty("fileName").GetString()!);
        // The mutation's answer and what is stored agree.
        var stored = (await host.Client.QueryAsync("{ reportRuns(report: \"monthly-overview\", period: \"2026-09\", first: 100) { id artifacts { fileName size } } }"))
            .GetProperty("reportRuns").EnumerateArray().Single(r => r.GetProperty("id").GetString() == run.GetProperty("id").GetString())
            .GetProperty("artifacts").EnumerateArray().Select(a => (a.GetProperty("fileName").GetString()!, a.GetProperty("size").GetInt64())).ToList();
        Assert.Equal(names.Select(n => (n, artifacts[n].GetProperty("size").GetInt64())), stored);

        var html = await host.Client.Http.GetStringAsync(artifacts["report.html"].GetProperty("url").GetString());
        Assert.Contains("信访工作月报", html, StringComparison.Ordinal);
        Assert.Contains("2026年9月", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">环比</th>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">同比</th>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">本年累计</th>", html, StringComparison.Ordinal);
        var png = await host.Client.Http.GetByteArrayAsync(artifacts["stock-trend.png"].GetProperty("url").GetString());
        Assert.Equal(artifacts["stock-trend.png"].GetProperty("size").GetInt64(), png.Length);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        // Saved under a name an office can file (RFC 6266, the UTF-8 name per RFC 5987): the workbook as a download,
        // the page and the pictures shown in the browser.
        using (var workbook = await host.Client.Http.GetAsync(artifacts["report.xlsx"].GetProperty("url").GetString()))
        {
            Assert.Equal("attachment", workbook.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Equal("信访工作月报-2026-09.xlsx", workbook.Content.Headers.ContentDisposition.FileNameStar);
        }
        using (var chart = await host.Client.Http.GetAsync(artifacts["stock-trend.png"].GetProperty("url").GetString()))
        {
            Assert.Equal("inline", chart.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Equal("信访工作月报-2026-09-stock-trend.png", chart.Content.Headers.ContentDisposition.FileNameStar);
        }
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
        var exit = await CliVerbs.RunAsync(host.Services, new CliArguments(["report", "by-village", "--period", "2026-Q3", "--out", directory, "--lang", "en"]), output, CancellationToken.None);
        Assert.True(exit == 0, output.ToString());
        var files = Directory.GetFiles(directory).Select(Path.GetFileName).ToList();
        Assert.Contains("report.html", files);
        Assert.Contains("report.xlsx", files);
        Assert.Contains("by-village.png", files);
        Assert.Contains("2026年第3季度", await File.ReadAllTextAsync(Path.Combine(directory, "report.html")), StringComparison.Ordinal);
        Assert.Equal(2, await CliVerbs.RunAsync(host.Services, new CliArguments(["report", "no-such-report", "--period", "2026-09", "--lang", "en"]), output, CancellationToken.None));
        Directory.Delete(directory, recursive: true);
    }

    /// <summary>
    /// The 台账 of a past period lists exactly the cases in the backlog at some time in it, each as it stood at the
    /// period's end: a case resolved since is not shown as 已化解, one resolved within it is.
    /// </summary>
    [Fact]
    public async Task A_past_ownership_list_shows_each_case_as_it_stood_at_the_periods_end()
    {
        var html = await HtmlAsync("LEADER_OWNERSHIP", "2025-12");
        var start = DateTimeOffset.Parse("2025-12-01T00:00:00+08:00").UtcDateTime;
        var end = DateTimeOffset.Parse("2026-01-01T00:00:00+08:00").UtcDateTime;
        var cases = await CaseOracle.LoadAsync(host);
        var listed = cases.Where(c => c.BacklogIntervals.Any(i => i.EnteredAt < end && (i.LeftAt is null || i.LeftAt > start))).ToList();
        var settledSince = listed.Where(c => c.ResolvedAt > end || c.TerminatedAt > end).ToList();
        Assert.NotEmpty(settledSince);
        var rows = System.Text.RegularExpressions.Regex.Matches(html, "<tr[^>]*>(?:(?!</tr>).)*</tr>", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => m.Value).Where(r => r.Contains("<td", StringComparison.Ordinal)).ToList();
        var numbers = rows.Select(r => System.Text.RegularExpressions.Regex.Match(r, @"<td[^>]*>(\d{4}-\d{4})</td>\s*</tr>").Groups[1].Value).Where(n => n.Length > 0).ToList();
        Assert.Equal(listed.Select(c => c.Number).Order(), numbers.Order());
        foreach (var c in listed)
        {
            var row = rows.Single(r => r.Contains($">{c.Number}</td>", StringComparison.Ordinal));
            var resolvedInPeriod = c.ResolvedAt >= start && c.ResolvedAt < end;
            Assert.True(resolvedInPeriod == row.Contains("已化解", StringComparison.Ordinal), $"{c.Number}: {row}");
            Assert.DoesNotContain("已终结", row, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_due_list_is_made_for_the_current_period_and_a_past_one_is_refused_with_the_reason()
    {
        var before = await RunCountAsync();
        var past = await host.Client.QueryAsync(Generate, new { input = new { report = "DUE_LIST", period = "2026-10" } });
        var error = past.GetProperty("generateReport").GetProperty("userErrors")[0];
        Assert.Equal("INVALID_STATE", error.GetProperty("code").GetString());
        Assert.Contains("current period", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await RunCountAsync());

        var html = await HtmlAsync("DUE_LIST", "2026-11");
        var cases = await CaseOracle.LoadAsync(host);
        var now = TestHost.Now.UtcDateTime;
        var due = cases.Where(c => c.NextDueAt < now.AddDays(7)).ToList();
        Assert.NotEmpty(due);
        Assert.All(due, c => Assert.Contains(c.Number, html, StringComparison.Ordinal));
    }

    /// <summary>DESIGN §6: key classes count petitions from the campaign's baseline; the report, the list and keyCases(since:) agree.</summary>
    [Fact]
    public async Task The_key_case_report_counts_from_the_campaign_baseline_as_key_cases_since_does()
    {
        var end = DateTimeOffset.Parse("2026-11-01T00:00:00+08:00");
        var inForce = await EnsureCampaignAsync(end);
        var counts = (await host.Client.QueryAsync("query($at: DateTime, $since: DateTime) { keyCases(at: $at, since: $since) { count } }",
            new { at = end.ToString("O"), since = inForce.Baseline.ToString("O") })).GetProperty("keyCases").EnumerateArray().Select(k => k.GetProperty("count").GetInt32()).ToList();
        var everything = (await host.Client.QueryAsync("query($at: DateTime) { keyCases(at: $at) { count } }", new { at = end.ToString("O") }))
            .GetProperty("keyCases").EnumerateArray().Select(k => k.GetProperty("count").GetInt32()).ToList();
        Assert.NotEqual(everything, counts); // the baseline matters in this data, so the test can tell the two apart
        // The list agrees with the counts: cases(where: { keyClassSince: { since, eq: k } }) has keyCases(since:)[k] cases (now).
        var countsNow = (await host.Client.QueryAsync("query($since: DateTime) { keyCases(since: $since) { count } }", new { since = inForce.Baseline.ToString("O") }))
            .GetProperty("keyCases").EnumerateArray().Select(k => k.GetProperty("count").GetInt32()).ToList();
        for (var k = 1; k <= 5; k++)
        {
            var listed = await host.Client.QueryAsync("query($since: DateTime!, $k: Int) { cases(where: { keyClassSince: { since: $since, eq: $k } }) { totalCount } }",
                new { since = inForce.Baseline.ToString("O"), k });
            Assert.Equal(countsNow[k - 1], listed.GetProperty("cases").GetProperty("totalCount").GetInt32());
        }

        var html = await HtmlAsync("KEY_CASES", "2026-10");
        Assert.Contains($"统计口径：{inForce.Baseline.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd}（专项行动“{inForce.Name}”基线日）", html, StringComparison.Ordinal);
        var sections = System.Text.RegularExpressions.Regex.Matches(html, @"[一二三四五]类（[^）]*）：(\d+) 件").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(counts, sections);
    }

    /// <summary>
    /// Without a campaign in force (every test campaign's baseline is 2026-01-01), a past period's key-case report counts
    /// the petitions received by the period's end and the cases open at it, as keyCases(at:) does — not today's classes.
    /// </summary>
    [Fact]
    public async Task A_past_key_case_report_without_a_campaign_counts_as_of_the_periods_end_as_key_cases_at_does()
    {
        var end = DateTimeOffset.Parse("2025-07-01T00:00:00+08:00");
        var baselines = (await host.Client.QueryAsync("{ campaigns { baselineAt } }")).GetProperty("campaigns").EnumerateArray()
            .Select(c => DateTimeOffset.Parse(c.GetProperty("baselineAt").GetString()!));
        Assert.DoesNotContain(baselines, b => b <= end);
        var asOfEnd = (await host.Client.QueryAsync("query($at: DateTime) { keyCases(at: $at) { count } }", new { at = end.ToString("O") }))
            .GetProperty("keyCases").EnumerateArray().Select(k => k.GetProperty("count").GetInt32()).ToList();
        Assert.True(asOfEnd.Sum() > 0);

        var html = await HtmlAsync("KEY_CASES", "2025-06");

        Assert.Contains("统计口径：全部信访记录，截至期末。", html, StringComparison.Ordinal);
        var sections = System.Text.RegularExpressions.Regex.Matches(html, @"[一二三四五]类（[^）]*）：(\d+) 件").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(asOfEnd, sections);
    }

    /// <summary>
    /// Every report kind as PDF: A4, the CJK font embedded, its title, period and figures extracted as Chinese text by
    /// poppler's pdftotext; the first page is rendered to tests/TestResults/pdf-pages/ to be looked at.
    /// </summary>
    [Theory]
    [InlineData("MONTHLY_OVERVIEW", "2026-10", "信访工作月报", "2026年10月")]
    [InlineData("BY_CATEGORY", "2026-Q3", "分领域信访情况", "2026年第3季度")]
    [InlineData("BY_VILLAGE", "2026-10", "分村（社区）信访情况", "2026年10月")]
    [InlineData("LEADER_OWNERSHIP", "2026-10", "领导包案情况汇总表", "2026年10月")]
    [InlineData("DUE_LIST", "2026-11", "超期及临期事项清单", "2026年11月")]
    [InlineData("KEY_CASES", "2026-10", "五类重点信访事项", "2026年10月")]
    [InlineData("CAMPAIGN_PROGRESS", "2026-10", "专项行动进展", "2026年10月")]
    public async Task Every_report_is_also_a_pdf_with_its_chinese_text_and_the_font_embedded(string report, string period, string title, string periodLabel)
    {
        if (report == "CAMPAIGN_PROGRESS")
        {
            await EnsureCampaignAsync(DateTimeOffset.Parse("2026-11-01T00:00:00+08:00"));
        }
        var data = await host.Client.QueryAsync(Generate, new { input = new { report, period } });
        var payload = data.GetProperty("generateReport");
        Assert.Equal(0, payload.GetProperty("userErrors").GetArrayLength());
        var artifacts = payload.GetProperty("run").GetProperty("artifacts").EnumerateArray().ToDictionary(a => a.GetProperty("fileName").GetString()!);
        Assert.Equal("application/pdf", artifacts["report.pdf"].GetProperty("contentType").GetString());
        var pdf = await host.Client.Http.GetByteArrayAsync(artifacts["report.pdf"].GetProperty("url").GetString());
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        var file = TestRunFolder.NewPath("report", ".pdf");
        await File.WriteAllBytesAsync(file, pdf);

        var text = await Infrastructure.Poppler.RunAsync("pdftotext", "-layout", file, "-");
        Assert.Contains(title, text, StringComparison.Ordinal);
        Assert.Contains(periodLabel, text, StringComparison.Ordinal);
        Assert.Contains("由 PetitionGraph 生成", text, StringComparison.Ordinal);
        var info = await Infrastructure.Poppler.RunAsync("pdfinfo", file);
        Assert.Matches(@"Page size:\s+(59[45]\.\d+ x 84[12]\.\d+|84[12]\.\d+ x 59[45]\.\d+) pts \(A4\)", info);
        var fonts = await Infrastructure.Poppler.RunAsync("pdffonts", file);
        Assert.Contains(fonts.Split('\n'), line => line.Contains("WenQuanYi", StringComparison.OrdinalIgnoreCase) && line.Contains(" yes ", StringComparison.Ordinal));
        // Nothing runs past the page's margins (a table too wide for the page wraps its text rather than overflowing).
        Assert.Empty(await Infrastructure.Poppler.WordsOutsideMarginsAsync(file, 14 * 72 / 25.4));

        var pages = Path.Combine(RepositoryRoot.Path, "tests", "TestResults", "pdf-pages");
        Directory.CreateDirectory(pages);
        await Infrastructure.Poppler.RunAsync("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", file, Path.Combine(pages, $"{host.GetType().Name}-{report.ToLowerInvariant()}"));
        File.Delete(file);
    }

    /// <summary>reportRuns filters by trigger and reader role and lists only runs the caller may open; latestReportRun finds "the current one".</summary>
    [Fact]
    public async Task Runs_are_found_by_trigger_and_reader_only_by_those_who_may_open_them_and_the_latest_by_period()
    {
        async Task<string> RunAsync(string period, string reader) =>
            (await host.Client.QueryAsync(Generate, new { input = new { report = "BY_VILLAGE", period, readerRole = reader } }))
                .GetProperty("generateReport").GetProperty("run").GetProperty("id").GetString()!;
        var withNames = await RunAsync("2026-08", "OFFICE");
        var masked = await RunAsync("2026-09", "ANALYST");

        var filtered = (await host.Client.QueryAsync("""{ reportRuns(report: "by-village", trigger: ON_DEMAND, readerRole: OFFICE, first: 100) { id trigger readerRole } }"""))
            .GetProperty("reportRuns").EnumerateArray().ToList();
        Assert.Contains(filtered, r => r.GetProperty("id").GetString() == withNames);
        Assert.All(filtered, r => Assert.Equal(("ON_DEMAND", "OFFICE"), (r.GetProperty("trigger").GetString(), r.GetProperty("readerRole").GetString())));

        var analyst = host.ClientAs(PetitionGraph.Api.Access.Role.Analyst, "analyst-" + Guid.NewGuid().ToString("N")[..8]);
        var visible = (await analyst.QueryAsync("""{ reportRuns(report: "by-village", status: SUCCEEDED, first: 100) { id period } }"""))
            .GetProperty("reportRuns").EnumerateArray().ToList();
        Assert.DoesNotContain(visible, r => r.GetProperty("id").GetString() == withNames); // made with names: not the analyst's to open
        Assert.Contains(visible, r => r.GetProperty("id").GetString() == masked);

        var office = host.Services.GetRequiredService<PetitionGraph.Api.GraphQL.OfficeTime>();
        var latestPeriod = visible.Select(r => r.GetProperty("period").GetString()!)
            .OrderByDescending(p => PetitionGraph.Api.Reports.ReportPeriod.Parse(p, office)!.End).First();
        var latest = (await analyst.QueryAsync("{ latestReportRun(report: BY_VILLAGE) { id period readerRole } }")).GetProperty("latestReportRun");
        Assert.Equal(latestPeriod, latest.GetProperty("period").GetString());
        Assert.Equal("ANALYST", latest.GetProperty("readerRole").GetString());
        var september = (await analyst.QueryAsync("""{ latestReportRun(report: BY_VILLAGE, period: "2026-09") { id } }""")).GetProperty("latestReportRun");
        Assert.Equal(masked, september.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, (await analyst.QueryAsync("""{ latestReportRun(report: BY_VILLAGE, period: "2026-08") { id } }""")).GetProperty("latestReportRun").ValueKind);
    }

    private async Task<(string Name, DateTimeOffset Baseline)> EnsureCampaignAsync(DateTimeOffset before)
    {
        var campaigns = (await host.Client.QueryAsync("{ campaigns { name baselineAt } }")).GetProperty("campaigns").EnumerateArray()
            .Select(c => (Name: c.GetProperty("name").GetString()!, Baseline: DateTimeOffset.Parse(c.GetProperty("baselineAt").GetString()!)))
            .Where(c => c.Baseline <= before).ToList();
        if (campaigns.Count == 0)
        {
            var created = await host.Client.QueryAsync("mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { name baselineAt } } }",
                new { input = PetitionGraph.Tests.GraphQL.MutationOperationsTests.NewCampaign("报表口径核对") });
            var campaign = created.GetProperty("createCampaign").GetProperty("campaign");
            campaigns.Add((campaign.GetProperty("name").GetString()!, DateTimeOffset.Parse(campaign.GetProperty("baselineAt").GetString()!)));
        }
        // `campaigns` lists them as the reports choose: the latest baseline first, then the latest made.
        return campaigns[0];
    }

    private async Task<string> HtmlAsync(string report, string period)
    {
        var data = await host.Client.QueryAsync(Generate, new { input = new { report, period, readerRole = "OFFICE" } });
        var payload = data.GetProperty("generateReport");
        Assert.Equal(0, payload.GetProperty("userErrors").GetArrayLength());
        var url = payload.GetProperty("run").GetProperty("artifacts").EnumerateArray().Single(a => a.GetProperty("fileName").GetString() == "report.html").GetProperty("url").GetString();
        return await host.Client.Http.GetStringAsync(url);
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
