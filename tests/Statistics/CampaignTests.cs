using PetitionGraph.Tests.GraphQL;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Statistics;

/// <summary>Campaign progress against the naive reference, and refusals that change nothing.</summary>
public abstract class CampaignTests(TestHost host)
{
    private const string Create = """
        mutation($input: CreateCampaignInput!) {
          createCampaign(input: $input) {
            campaign { id currentPhase { kind } progress { target { figure } baseline current goal met } }
            userErrors { code field message }
          }
        }
        """;

    [Fact]
    public async Task Progress_compares_the_campaign_with_its_baseline()
    {
        var data = await host.Client.QueryAsync(Create, new { input = MutationOperationsTests.NewCampaign("进度核对") });
        var campaign = data.GetProperty("createCampaign").GetProperty("campaign");
        Assert.Equal("CONSOLIDATION", campaign.GetProperty("currentPhase").GetProperty("kind").GetString());
        var cases = await CaseOracle.LoadAsync(host);
        var oracle = new FigureOracle(cases, TestHost.Now.UtcDateTime);
        var baselineAt = DateTimeOffset.Parse("2026-01-01T00:00:00+08:00").UtcDateTime;
        var now = TestHost.Now.UtcDateTime;
        var all = new OracleGroup(null, null, null, null, null);
        var before = oracle.Compute(baselineAt - (now - baselineAt), baselineAt, all);
        var during = oracle.Compute(baselineAt, now, all);
        var progress = campaign.GetProperty("progress").EnumerateArray().ToList();

        var stock = progress.Single(p => p.GetProperty("target").GetProperty("figure").GetString() == "STOCK");
        Assert.Equal(before.Stock, stock.GetProperty("baseline").GetDouble());
        Assert.Equal(during.Stock, stock.GetProperty("current").GetDouble());
        // Whole cases: at most ⌊baseline × 0.6⌋.
        Assert.Equal(Math.Floor(before.Stock * 0.6), stock.GetProperty("goal").GetDouble());
        Assert.Equal(during.Stock <= before.Stock * 0.6, stock.GetProperty("met").GetBoolean());

        var entered = progress.Single(p => p.GetProperty("target").GetProperty("figure").GetString() == "BACKLOG_INCREMENT");
        Assert.Equal(during.BacklogIncrement, entered.GetProperty("current").GetDouble());
        Assert.Equal(during.BacklogIncrement == 0, entered.GetProperty("met").GetBoolean());

        var acceptance = progress.Single(p => p.GetProperty("target").GetProperty("figure").GetString() == "ON_TIME_ACCEPTANCE_RATE");
        Assert.Equal((double)during.AcceptedOnTime / during.AcceptanceDue, acceptance.GetProperty("current").GetDouble(), 9);
        Assert.Equal(during.AcceptedOnTime == during.AcceptanceDue, acceptance.GetProperty("met").GetBoolean());
    }

    /// <summary>A plan's calendar overlaps on purpose (排查 02-01→04-30 and 施策 03-01→04-30): it can be entered as written.</summary>
    [Fact]
    public async Task Phases_may_overlap_as_the_plan_writes_them()
    {
        var input = new Dictionary<string, object?>
        {
            ["name"] = "重叠阶段" + Guid.NewGuid().ToString("N")[..6],
            ["baselineAt"] = "2026-01-01",
            ["phases"] = new[]
            {
                new { kind = "SCREENING", from = "2026-09-01", to = "2026-12-01" },
                new { kind = "PLANNING", from = "2026-10-01", to = "2026-12-01" },
                new { kind = "CONSOLIDATION", from = "2026-12-01", to = "2027-01-01" },
            },
            ["targets"] = Array.Empty<object>(),
        };
        var data = await host.Client.QueryAsync("""
            mutation($input: CreateCampaignInput!) {
              createCampaign(input: $input) { campaign { currentPhase { kind } currentPhases { kind } phases { kind } } userErrors { message } }
            }
            """, new { input });
        var payload = data.GetProperty("createCampaign");
        Assert.Equal(0, payload.GetProperty("userErrors").GetArrayLength());
        var campaign = payload.GetProperty("campaign");
        // Now is 2026-11-01: both overlapping phases are under way; the current one is the phase that started last.
        Assert.Equal(["SCREENING", "PLANNING"], campaign.GetProperty("currentPhases").EnumerateArray().Select(p => p.GetProperty("kind").GetString()));
        Assert.Equal("PLANNING", campaign.GetProperty("currentPhase").GetProperty("kind").GetString());
        Assert.Equal(3, campaign.GetProperty("phases").GetArrayLength());
    }

    [Theory]
    [InlineData("phases", """[{"kind":"SCREENING","from":"2026-03-01","to":"2026-01-01"}]""", "[]")]
    [InlineData("targets", "[]", """[{"figure":"ON_TIME_ACCEPTANCE_RATE","comparison":"AT_LEAST","value":95}]""")]
    [InlineData("targets", "[]", """[{"figure":"STOCK","comparison":"REDUCE_BY_PERCENT","value":140}]""")]
    public async Task Invalid_campaigns_are_refused_and_nothing_is_saved(string field, string phases, string targets)
    {
        var name = "无效" + Guid.NewGuid().ToString("N")[..6];
        var input = new Dictionary<string, object?>
        {
            ["name"] = name,
            ["baselineAt"] = "2026-01-01",
            ["phases"] = System.Text.Json.JsonSerializer.Deserialize<object>(phases),
            ["targets"] = System.Text.Json.JsonSerializer.Deserialize<object>(targets),
        };
        var data = await host.Client.QueryAsync(Create, new { input });
        var error = data.GetProperty("createCampaign").GetProperty("userErrors")[0];
        Assert.Equal("VALIDATION", error.GetProperty("code").GetString());
        Assert.Contains(field, error.GetProperty("field").ToString(), StringComparison.Ordinal);
        var campaigns = await host.Client.QueryAsync("{ campaigns { name } }");
        Assert.DoesNotContain(campaigns.GetProperty("campaigns").EnumerateArray(), c => c.GetProperty("name").GetString() == name);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CampaignTestsOnSqlite(SqliteHost host) : CampaignTests(host);

[Collection(PostgresCollection.Name)]
public sealed class CampaignTestsOnPostgres(PostgresHost host) : CampaignTests(host);
