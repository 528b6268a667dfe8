using System.Net;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Cli;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.Ledgers;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Ledgers;

/// <summary>Ledger import (all or nothing, tolerant of real sheets, idempotent) and export (same layouts, CLI and HTTP).</summary>
public abstract class LedgerTests(TestHost host)
{
    private static readonly string Fixtures = Path.Combine(RepositoryRoot.Path, "tests", "fixtures", "ledgers");

    /// <summary>ownership.csv as the ledger export shows it: name, residence, town and village leaders (with titles).</summary>
    private static readonly string[][] OwnershipRows =
    [
        ["柏一帆、籍思远", "示范镇台账村一组12号", "甄立账(测试职务)", "郝守册(测试职务)"],
        ["常乐天、蒲晓岚", "示范镇台账村三组5号", "甄立账(测试职务)、贾明簿(测试职务)", ""],
        ["冼若溪", "示范镇台账村五组8号", "贾明簿(测试职务)", "郝守册(测试职务)"],
    ];

    [Fact]
    public async Task An_ownership_ledger_imports_once_exports_as_the_office_keeps_it_and_imports_back_unchanged()
    {
        await ReferenceAsync();
        var (exit, output) = await RunAsync("import", Path.Combine(Fixtures, "ownership.csv"), "--dry-run");
        Assert.True(exit == 0, output);
        Assert.Contains("3 would be imported", output, StringComparison.Ordinal);
        var first = await RunAsync("import", Path.Combine(Fixtures, "ownership.csv"));
        Assert.True(first.Exit == 0, first.Output);
        var again = await RunAsync("import", Path.Combine(Fixtures, "ownership.csv"));
        Assert.Contains("Imported 0 of 3 row(s)", again.Output, StringComparison.Ordinal);
        Assert.Contains("3 already imported", again.Output, StringComparison.Ordinal);
        var count = await CountAsync();
        var numbers = await NumbersAsync("LEDGER1");

        // The imported 汇总表 becomes a campaign's case list in one call: its cases are registered with the file's name.
        var campaign = (await host.Client.QueryAsync("""
            mutation { createCampaign(input: { name: "汇总表专项", baselineAt: "2026-01-01", phases: [], targets: [] }) { campaign { id } } }
            """)).GetProperty("createCampaign").GetProperty("campaign").GetProperty("id").GetString();
        var listed = (await host.Client.QueryAsync("""
            mutation($id: ID!) { addCasesToCampaign(input: { campaignId: $id, where: { events: { some: { note: { eq: "台账导入: ownership.csv" } } } } }) {
              campaign { caseList { total inBacklog } } userErrors { code message } } }
            """, new { id = campaign })).GetProperty("addCasesToCampaign").GetProperty("campaign").GetProperty("caseList");
        Assert.Equal((3, 3), (listed.GetProperty("total").GetInt32(), listed.GetProperty("inBacklog").GetInt32()));

        // Over HTTP, as CSV, for the cases of 台账村 that are in the backlog (each row was designated from the ledger):
        // title, unit and date, 包案领导 over 镇 and 村, the cases, 合计 (read back as the importer reads: NFKC).
        var where = Uri.EscapeDataString("""{"village":{"code":{"eq":"LEDGER1"}},"inBacklog":{"eq":true}}""");
        var response = await host.Client.Http.GetAsync(new Uri($"/ledgers/ownership.csv?where={where}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csv = TestRunFolder.NewPath("ledger", ".csv");
        await File.WriteAllBytesAsync(csv, await response.Content.ReadAsByteArrayAsync());
        var exported = LedgerGrid.Read(csv).Rows.Select(r => r.Cells).ToList();
        Assert.Equal("领导包案情况汇总表(2026年11月1日)", exported[0][0]);
        Assert.Equal("填报单位:示范镇信访办  截至:2026年11月1日", exported[1][0]);
        Assert.Equal(["序号", "姓名", "户籍地", "诉求", "包案领导", "", "化解措施", "进展", "时限", "备注", "案件编号"], exported[2]);
        Assert.Equal(["", "", "", "", "镇", "村", "", "", "", "", ""], exported[3]);
        Assert.Equal(OwnershipRows, exported.Skip(4).SkipLast(1).Select(r => new[] { r[1], r[2], r[4], r[5] }));
        Assert.Equal(numbers, exported.Skip(4).SkipLast(1).Select(r => r[10]));
        Assert.All(exported.Skip(4).SkipLast(1), r => Assert.StartsWith("办理中(11月1日)", r[7], StringComparison.Ordinal));
        Assert.All(exported.Skip(4).SkipLast(1), r => Assert.Equal("2026-12-31", r[8]));
        Assert.Equal(["合计", "3 件"], exported[^1][..2]);

        // The same as XLSX from the command line: the form, and the per-leader summary.
        var file = TestRunFolder.NewPath("ledger", ".xlsx");
        var export = await RunAsync("export", "--kind", "ownership", "--out", file, "--where", """{"village":{"code":{"eq":"LEDGER1"}}}""");
        Assert.True(export.Exit == 0, export.Output);
        var book = new Reporting.XlsxBook(await File.ReadAllBytesAsync(file));
        Assert.Equal(["领导包案台账", "包案领导汇总"], book.Sheets);
        Assert.Contains("E3:F3", book.Merges["领导包案台账"]);
        Assert.Contains("'领导包案台账'!$3:$4", book.PrintTitles);
        Assert.Equal(OwnershipRows, LedgerGrid.Read(file).Rows.Skip(4).SkipLast(1).Select(r => new[] { r.Cells[1], r.Cells[2], r.Cells[4], r.Cells[5] }));
        Assert.Equal([("甄立账", 2.0), ("贾明簿", 2.0), ("郝守册", 2.0)],
            Enumerable.Range(4, 3).Select(r => (book.Cell("包案领导汇总", $"A{r}")!.Text!, book.Cell("包案领导汇总", $"D{r}")!.Number!.Value)).OrderBy(l => l.Item1, StringComparer.Ordinal));

        // Both import back unchanged: every row names its case, which is here.
        foreach (var back in new[] { csv, file })
        {
            var result = await RunAsync("import", back, "--kind", "ownership");
            Assert.True(result.Exit == 0, result.Output);
            Assert.Contains("Imported 0 of 3 row(s)", result.Output, StringComparison.Ordinal);
            Assert.Contains("3 already imported", result.Output, StringComparison.Ordinal);
        }
        Assert.Equal(count, await CountAsync());
        File.Delete(file);
        File.Delete(csv);

        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
        var cases = await db.Cases.Where(c => c.Village!.Code == "LEDGER1").Include(c => c.Events).Include(c => c.Assignments).ToListAsync();
        Assert.Equal(3, cases.Count);
        Assert.All(cases, c => Assert.Contains(c.Events, e => e.Kind == Api.Cases.CaseEventKind.DesignatedBacklog && e.Source == "台账导入: ownership.csv"));
        Assert.Equal(6, cases.Sum(c => c.Assignments.Count));
        // Titles are shown to every role unmasked: they never carry the petitioners' names.
        Assert.All(cases, c => Assert.DoesNotContain("柏一帆", c.Title, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_sheet_with_a_title_merged_two_row_header_blank_rows_and_full_width_text_is_read()
    {
        await ReferenceAsync();
        var result = await RunAsync("import", Path.Combine(Fixtures, "ownership-merged.xlsx"), "--kind", "ownership");
        Assert.True(result.Exit == 0, result.Output);
        var data = await host.Client.QueryAsync("""{ ledgerRows(kind: OWNERSHIP, where: { village: { code: { eq: "LEDGER2" } } }) }""");
        var rows = data.GetProperty("ledgerRows").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetString()!).ToArray()).ToList();
        Assert.Equal(["序号", "姓名", "户籍地", "诉求", "包案领导（镇）", "包案领导（村）", "化解措施", "进展", "时限", "备注", "案件编号"], rows[0]);
        Assert.Equal(
            [
                ["1", "龚明远、雷雨晴", "示范镇台账社区东区7栋", "甄立账（测试职务）", ""],
                ["2", "欧阳青", "示范镇台账社区西区2栋", "贾明簿（测试职务）、甄立账（测试职务）", ""],
            ],
            rows.Skip(1).Select(r => new[] { r[0], r[1], r[2], r[4], r[5] }));
    }

    [Fact]
    public async Task A_masked_copy_or_an_unknown_case_number_is_refused_and_nothing_written()
    {
        await ReferenceAsync();
        var before = await CountAsync();
        var sheet = TestRunFolder.NewPath("ledger", ".csv");
        await File.WriteAllTextAsync(sheet, "序号,姓名,户籍地,包案领导,村级包案领导,案件编号\n1,柏*,示范镇台账村一组12号,甄立账,,\n2,籍思远,示范镇台账村一组12号,甄立账,,1999-0001\n");
        var (exit, output) = await RunAsync("import", sheet, "--kind", "ownership");
        Assert.Equal(1, exit);
        Assert.Contains("row 2, 姓名: '柏*' is masked", output, StringComparison.Ordinal);
        Assert.Contains("row 3, 案件编号: there is no case 1999-0001 here", output, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
        File.Delete(sheet);
    }

    [Fact]
    public async Task A_ledger_with_problems_reports_each_by_row_and_column_and_writes_nothing()
    {
        await ReferenceAsync();
        var before = await CountAsync();
        var (exit, output) = await RunAsync("import", Path.Combine(Fixtures, "ownership-problems.csv"));
        Assert.Equal(1, exit);
        Assert.Contains("row 3, 姓名: no petitioner named", output, StringComparison.Ordinal);
        Assert.Contains("row 4, 户籍地: no village of the town (nor any of their aliases) in '示范镇无此村9号'", output, StringComparison.Ordinal);
        Assert.Contains("row 5, 包案领导: leader 王某 not found", output, StringComparison.Ordinal);
        Assert.Contains("row 6, 包案领导: one or two town leaders, not 3", output, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", output, StringComparison.Ordinal);
        Assert.DoesNotContain("row 2,", output, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_case_ledger_keeps_its_numbers_dates_and_statuses()
    {
        await ReferenceAsync();
        var first = await RunAsync("import", Path.Combine(Fixtures, "cases.csv"));
        Assert.True(first.Exit == 0, first.Output);
        Assert.Contains("Imported 0 of 3", (await RunAsync("import", Path.Combine(Fixtures, "cases.csv"))).Output, StringComparison.Ordinal);
        var data = await host.Client.QueryAsync("""{ ledgerRows(kind: CASES, where: { number: { in: ["2019-9001", "2019-9002", "2019-9003"] } }) }""");
        var rows = data.GetProperty("ledgerRows").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetString()!).ToArray()).ToList();
        Assert.Equal(
            [
                ["案件编号", "登记日期", "领域", "村（社区）", "状态", "诉求"],
                ["2019-9001", "2019-03-05", "征地拆迁", "台账三村", "办理中", "要求按标准补偿征地款"],
                ["2019-9002", "2019-04-18", "劳资纠纷", "台账三村", "已办结", "要求支付拖欠工资"],
                ["2019-9003", "2019-06-01", "征地拆迁", "台账三村", "已化解", "要求重新测量宅基地"],
            ],
            rows);
    }

    [Fact]
    public async Task Ledger_exports_follow_the_callers_role()
    {
        var analyst = host.ClientAs(Role.Analyst, "ledger-analyst");
        var masked = await analyst.Http.GetAsync(new Uri("/ledgers/ownership.csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, masked.StatusCode);
        var villages = (await analyst.QueryAsync("{ villages(first: 100) { nodes { name } } }")).GetProperty("villages").GetProperty("nodes").EnumerateArray().Select(v => v.GetProperty("name").GetString()).ToHashSet();
        var rows = LedgerGrid.FromCsv(await masked.Content.ReadAsStringAsync()).Rows.Skip(4).SkipLast(1).Select(r => r.Cells).ToList();
        Assert.NotEmpty(rows);
        // Names masked, and the village instead of the address.
        Assert.All(rows, r => Assert.True(r[1].Split('、').All(n => n.Length == 0 || n.EndsWith('*')) && villages.Contains(r[2]), string.Join(",", r)));
        var leader = host.ClientAs(Role.Leader, "ledger-leader", leaderId: 1);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.Http.GetAsync(new Uri("/ledgers/cases.xlsx", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous().Http.GetAsync(new Uri("/ledgers/cases.xlsx", UriKind.Relative))).StatusCode);
    }

    private async Task<List<string>> NumbersAsync(string village)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<PetitionDbContext>().Cases.Where(c => c.Village!.Code == village)
            .OrderBy(c => c.OpenedAt).ThenBy(c => c.Id).Select(c => c.Number).ToListAsync();
    }

    private async Task ReferenceAsync()
    {
        var admin = host.ClientAs(Role.Admin, "ledger-admin");
        await admin.QueryAsync("mutation { a: createVillage(input: { code: \"LEDGER1\", name: \"台账村\", kind: VILLAGE }) { userErrors { code } } b: createVillage(input: { code: \"LEDGER2\", name: \"台账社区\", kind: COMMUNITY }) { userErrors { code } } c: createVillage(input: { code: \"LEDGER3\", name: \"台账三村\", kind: VILLAGE }) { userErrors { code } } }");
        var leaders = await admin.QueryAsync("{ leaders(where: { name: { in: [\"甄立账\", \"贾明簿\", \"郝守册\"] } }) { nodes { name } } }");
        var known = leaders.GetProperty("leaders").GetProperty("nodes").EnumerateArray().Select(l => l.GetProperty("name").GetString()).ToHashSet();
        foreach (var (name, level, village) in new[] { ("甄立账", "TOWN", (string?)null), ("贾明簿", "TOWN", null), ("郝守册", "VILLAGE", "LEDGER1") })
        {
            if (!known.Contains(name))
            {
                await admin.QueryAsync("mutation($n: String!, $l: LeaderLevel!, $v: String) { createLeader(input: { name: $n, title: \"测试职务\", level: $l, villageCode: $v }) { userErrors { code } } }",
                    new { n = name, l = level, v = village });
            }
        }
    }

    /// <summary>
    /// A verb run on a database the service never filled (no villages, no categories): the import says what to do,
    /// exits 1 and writes nothing — it used to print "Index was out of range".
    /// </summary>
    [Fact]
    public async Task An_import_into_a_database_without_villages_or_categories_says_what_to_do_and_writes_nothing()
    {
        var empty = new CustomHost(host.Provider, await CustomHost.NewDatabaseAsync(host.Provider), 0, new Dictionary<string, string?>());
        await empty.InitializeAsync();
        try
        {
            var output = new StringWriter();
            var exit = await CliVerbs.RunAsync(empty.Services, new CliArguments(["import", Path.Combine(Fixtures, "demo-ownership.xlsx"), "--lang", "en"]), output, CancellationToken.None);
            Assert.Equal(1, exit);
            Assert.Equal("The database has no villages or categories yet, so no row could be placed; nothing was imported. Start the service once (demo mode loads the demo data) or run seed first.",
                output.ToString().Trim());
            await using var scope = empty.Scope();
            var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
            Assert.Equal(0, await db.Cases.CountAsync());
            Assert.Equal(0, await db.Petitioners.CountAsync());
        }
        finally
        {
            await empty.DisposeAsync();
        }
    }

    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var exit = await CliVerbs.RunAsync(host.Services, new CliArguments([.. args, "--lang", "en"]), output, CancellationToken.None);
        return (exit, output.ToString());
    }

    private async Task<int> CountAsync()
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<PetitionDbContext>().Cases.CountAsync();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class LedgerTestsOnSqlite(SqliteHost host) : LedgerTests(host);

[Collection(PostgresCollection.Name)]
public sealed class LedgerTestsOnPostgres(PostgresHost host) : LedgerTests(host);
