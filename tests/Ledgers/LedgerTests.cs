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

    private static readonly string[][] OwnershipRows =
    [
        ["序号", "姓名", "户籍地", "包案领导", "村级包案领导"],
        ["1", "柏一帆、籍思远", "示范镇台账村一组12号", "甄立账", "郝守册"],
        ["2", "常乐天、蒲晓岚", "示范镇台账村三组5号", "甄立账、贾明簿", ""],
        ["3", "冼若溪", "示范镇台账村五组8号", "贾明簿", "郝守册"],
    ];

    [Fact]
    public async Task An_ownership_ledger_imports_once_and_exports_back_the_same_rows()
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

        // Over HTTP, as CSV, for the cases of 台账村 that are in the backlog (each row was designated from the ledger).
        var where = Uri.EscapeDataString("""{"village":{"code":{"eq":"LEDGER1"}},"inBacklog":{"eq":true}}""");
        var response = await host.Client.Http.GetAsync(new Uri($"/ledgers/ownership.csv?where={where}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var exported = LedgerGrid.FromCsv(await response.Content.ReadAsStringAsync()).Rows.Select(r => r.Cells).ToList();
        Assert.Equal(OwnershipRows, exported);

        // The same as XLSX from the command line, read back with the importer's reader.
        var file = TestRunFolder.NewPath("ledger", ".xlsx");
        var export = await RunAsync("export", "--kind", "ownership", "--out", file, "--where", """{"village":{"code":{"eq":"LEDGER1"}}}""");
        Assert.True(export.Exit == 0, export.Output);
        Assert.Equal(OwnershipRows, LedgerGrid.Read(file).Rows.Select(r => r.Cells).ToList());
        File.Delete(file);

        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
        var cases = await db.Cases.Where(c => c.Village!.Code == "LEDGER1").Include(c => c.Events).Include(c => c.Assignments).ToListAsync();
        Assert.Equal(3, cases.Count);
        Assert.All(cases, c => Assert.Contains(c.Events, e => e.Kind == Api.Cases.CaseEventKind.DesignatedBacklog && e.Source == "台账导入: ownership.csv"));
        Assert.Equal(6, cases.Sum(c => c.Assignments.Count));
    }

    [Fact]
    public async Task A_sheet_with_a_title_merged_two_row_header_blank_rows_and_full_width_text_is_read()
    {
        await ReferenceAsync();
        var result = await RunAsync("import", Path.Combine(Fixtures, "ownership-merged.xlsx"), "--kind", "ownership");
        Assert.True(result.Exit == 0, result.Output);
        var data = await host.Client.QueryAsync("""{ ledgerRows(kind: OWNERSHIP, where: { village: { code: { eq: "LEDGER2" } } }) }""");
        var rows = data.GetProperty("ledgerRows").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetString()!).ToArray()).ToList();
        Assert.Equal(
            [
                ["序号", "姓名", "户籍地", "包案领导", "村级包案领导"],
                ["1", "龚明远、雷雨晴", "示范镇台账社区东区7栋", "甄立账", ""],
                ["2", "欧阳青", "示范镇台账社区西区2栋", "贾明簿、甄立账", ""],
            ],
            rows);
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
        var rows = LedgerGrid.FromCsv(await masked.Content.ReadAsStringAsync()).Rows.Skip(1).Select(r => r.Cells).ToList();
        Assert.All(rows, r => Assert.True(r[1].Split('、').All(n => n.EndsWith('*')) && r[2].Length == 0, string.Join(",", r)));
        var leader = host.ClientAs(Role.Leader, "ledger-leader", leaderId: 1);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.Http.GetAsync(new Uri("/ledgers/cases.xlsx", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous().Http.GetAsync(new Uri("/ledgers/cases.xlsx", UriKind.Relative))).StatusCode);
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

    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var exit = await CliVerbs.RunAsync(host.Services, new CliArguments(args), output, CancellationToken.None);
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
