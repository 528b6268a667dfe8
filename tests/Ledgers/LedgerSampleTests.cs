using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Cli;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.Ledgers;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Ledgers;

/// <summary>
/// A town's own 领导包案情况汇总表, as written, imports into the demo data as the README shows: a title in the first cell,
/// 包案领导 over 镇 / 村, addresses by housing estate or old village name, and an address naming two villages refused.
/// </summary>
public abstract class LedgerSampleTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly string Fixtures = Path.Combine(RepositoryRoot.Path, "tests", "fixtures", "ledgers");
    private CustomHost _host = null!;

    public async Task InitializeAsync()
    {
        // The demo data's villages and leaders depend only on the seed (42), not on how many cases there are.
        _host = new CustomHost(provider, await CustomHost.NewDatabaseAsync(provider), 0, new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "true",
            ["Seed:DemoCases"] = "50",
        });
        await _host.InitializeAsync();
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task The_sheet_as_the_office_keeps_it_imports_into_the_demo_data()
    {
        var (exit, output) = await RunAsync("import", Path.Combine(Fixtures, "demo-ownership.xlsx"));
        Assert.True(exit == 0, output);
        Assert.Contains("Imported 3 of 3 row(s)", output, StringComparison.Ordinal);

        var cases = await ImportedAsync();
        Assert.Equal(3, cases.Count);
        var estate = cases.Single(c => c.Petitioners.Any(p => p.Petitioner!.Name == "甘若林"));
        Assert.Equal("新头社区", estate.Village!.Name); // through the alias 新头苑
        Assert.Equal(["甘若林", "霍清扬"], estate.Petitioners.Select(p => p.Petitioner!.Name).Order());
        Assert.Equal("要求解决小区地下车库漏水问题", estate.Demand);
        Assert.Equal(["唐宏敏 TOWN_LEAD", "王强 VILLAGE_LEAD"], Leaders(estate));
        var oldName = cases.Single(c => c.Petitioners.Any(p => p.Petitioner!.Name == "蓝启明"));
        Assert.Equal("湾口村", oldName.Village!.Name); // through the old name 湾口大队
        Assert.Equal(["梁秀海 TOWN_LEAD", "韩发强 VILLAGE_LEAD"], Leaders(oldName));
        var two = cases.Single(c => c.Petitioners.Any(p => p.Petitioner!.Name == "车晓芸"));
        Assert.Equal(["孙发明 TOWN_LEAD", "许军 TOWN_LEAD", "马福 VILLAGE_LEAD"], Leaders(two));
    }

    [Fact]
    public async Task Header_variants_and_the_old_village_name_are_read()
    {
        var (exit, output) = await RunAsync("import", Path.Combine(Fixtures, "demo-ownership-variants.csv"));
        Assert.True(exit == 0, output);
        var cases = await ImportedAsync();
        Assert.Equal(2, cases.Count(c => c.Village!.Name == "柳头村" && Leaders(c).Contains("冯丽顺 VILLAGE_LEAD")));
    }

    [Fact]
    public async Task An_address_naming_two_villages_is_refused_with_both_and_nothing_is_written()
    {
        var before = (await ImportedAsync()).Count;
        var (exit, output) = await RunAsync("import", Path.Combine(Fixtures, "demo-ownership-ambiguous.csv"));
        Assert.Equal(1, exit);
        Assert.Contains("row 2, 户籍地: '示范镇柳头村与梅庄村交界处' names 柳头村 (9901003) and 梅庄村 (9901014)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("row 3", output, StringComparison.Ordinal); // 溪埠花园 is 溪埠社区's, and only its
        Assert.Equal(before, (await ImportedAsync()).Count);
    }

    [Fact]
    public async Task An_alias_belongs_to_one_village()
    {
        var admin = _host.ClientAs(Role.Admin, "alias-admin");
        var villages = await admin.QueryAsync("{ villages(where: { code: { in: [\"9901001\", \"9901016\"] } }) { nodes { id code aliases } } }");
        var nodes = villages.GetProperty("villages").GetProperty("nodes").EnumerateArray().ToDictionary(v => v.GetProperty("code").GetString()!);
        Assert.Equal(["新头苑", "新头花园"], nodes["9901016"].GetProperty("aliases").EnumerateArray().Select(a => a.GetString()!));
        var taken = await admin.QueryAsync("mutation($v: ID!) { setVillageAliases(input: { villageId: $v, aliases: [\"新头苑\"] }) { userErrors { code message } } }",
            new { v = nodes["9901001"].GetProperty("id").GetString() });
        Assert.Equal("CONFLICT", taken.GetProperty("setVillageAliases").GetProperty("userErrors")[0].GetProperty("code").GetString());
        Assert.Contains("新头社区", taken.GetProperty("setVillageAliases").GetProperty("userErrors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private static List<string> Leaders(Case c) =>
        [.. c.Assignments.OrderBy(a => a.Role).ThenBy(a => a.LeaderId).Select(a => $"{a.Leader!.Name} {EnumNames.Name(a.Role)}")];

    private async Task<List<Case>> ImportedAsync()
    {
        await using var scope = _host.Scope();
        return await scope.ServiceProvider.GetRequiredService<PetitionDbContext>().Cases
            .Where(c => c.Events.Any(e => e.Actor == "ledger"))
            .Include(c => c.Village).Include(c => c.Petitioners).ThenInclude(p => p.Petitioner).Include(c => c.Assignments).ThenInclude(a => a.Leader)
            .AsSplitQuery().ToListAsync();
    }

    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var exit = await CliVerbs.RunAsync(_host.Services, new CliArguments([.. args, "--lang", "en"]), output, CancellationToken.None);
        return (exit, output.ToString());
    }
}

public sealed class LedgerSampleTestsOnSqlite() : LedgerSampleTests(DatabaseProvider.Sqlite);

public sealed class LedgerSampleTestsOnPostgres() : LedgerSampleTests(DatabaseProvider.Postgres);

/// <summary>The header variants offices use for the two leader columns, each read to the same two columns.</summary>
public sealed class LedgerHeaderTests
{
    [Theory]
    [InlineData("序号,姓名,户籍地,包案领导,\n,,,镇,村")]
    [InlineData("序号,姓名,户籍地,包案领导,\n,,,镇级,村级")]
    [InlineData("序号,姓名,户籍地,包案领导,\n,,,镇领导,村领导")]
    [InlineData("序号,姓名,户籍地,镇级包案领导,村级包案领导")]
    [InlineData("序号,姓名,户籍地,镇领导,村领导")]
    [InlineData("汇总表,,,,\n填报单位：示范镇,,,,\n序号,姓名,户籍地,包案领导,包案领导\n,,,镇,村")]
    [InlineData("序号,姓名,户籍地,包案领导,\n,,,镇,社区")]
    public void The_town_and_village_leader_columns_are_found(string header)
    {
        var found = LedgerLayout.Find(LedgerGrid.FromCsv(header + "\n1,甲乙,示范镇湾口村,唐宏敏,韩发强\n"), LedgerKind.Ownership);
        Assert.NotNull(found);
        Assert.Equal(3, found.Columns["包案领导"]);
        Assert.Equal(4, found.Columns["村级包案领导"]);
        Assert.Equal(1, found.Columns["姓名"]);
    }
}
