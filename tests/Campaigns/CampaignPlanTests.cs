using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.GraphQL.Relay;
using PetitionGraph.Tests.Access;
using PetitionGraph.Tests.Cases;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Campaigns;

/// <summary>
/// A campaign as the plan writes it: named heads, its case list (by id and by filter, counted through each caller's
/// scope, so a case accusing the reader is never counted for them), its targets' history (who set, who replaced,
/// when), and a target relative to a district figure the office entered — each value checked.
/// </summary>
public abstract class CampaignPlanTests(TestHost host)
{
    private const string CampaignFields = """
        id version heads { leader { id name } duty }
        targets { figure comparison value setAt setBy }
        targetHistory { figure comparison value setAt setBy replacedAt replacedBy }
        caseList { total resolved inBacklog overdue resolvedRate }
        progress { target { figure comparison value } goal current met district { value source } }
        """;

    [Fact]
    public async Task Heads_case_list_and_target_history_are_kept_with_who_and_when()
    {
        var f = await new AccessFixture(host).MakeAsync();
        var tag = AccessFixture.Tag();
        var creator = host.ClientAs(Role.Office, "planner-" + tag);
        var created = await CreateAsync(creator, "积案攻坚" + tag, [new { leaderId = f.L1, duty = "组长" }, new { leaderId = f.L2, duty = "副组长" }]);
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal([(f.L1, "组长"), (f.L2, "副组长")], created.GetProperty("heads").EnumerateArray()
            .Select(h => (h.GetProperty("leader").GetProperty("id").GetString(), h.GetProperty("duty").GetString())));
        Assert.All(created.GetProperty("targets").EnumerateArray(), t => Assert.Equal("planner-" + tag, t.GetProperty("setBy").GetString()));
        Assert.Equal(0, created.GetProperty("targetHistory").GetArrayLength());

        // Refusals change nothing: an unknown leader, a leader named twice, a duty too long.
        var unknown = GlobalId.Encode("Leader", 999_999);
        Assert.Equal("NOT_FOUND", (await UpdateRefusedAsync(creator, id, "改名" + tag, [new { leaderId = unknown, duty = "组长" }]))[0]);
        Assert.Equal("VALIDATION", (await UpdateRefusedAsync(creator, id, "改名" + tag, [new { leaderId = f.L1, duty = "组长" }, new { leaderId = f.L1, duty = "副组长" }]))[0]);
        Assert.Equal("VALIDATION", (await UpdateRefusedAsync(creator, id, "改名" + tag, [new { leaderId = f.L1, duty = new string('长', 33) }]))[0]);

        // Another account changes one target (stock −40 % → −50 %) and leaves the heads alone (heads omitted).
        var changer = host.ClientAs(Role.Admin, "district-liaison-" + tag);
        var updated = (await changer.QueryAsync($$"""
            mutation($input: UpdateCampaignInput!) { updateCampaign(input: $input) { campaign { {{CampaignFields}} } userErrors { code message } } }
            """, new { input = Input("积案攻坚" + tag, stockPercent: 50, heads: null, campaignId: id) })).GetProperty("updateCampaign");
        CaseActions.AssertNoUserErrors(updated);
        var campaign = updated.GetProperty("campaign");
        Assert.Equal(2, campaign.GetProperty("heads").GetArrayLength());
        var targets = campaign.GetProperty("targets").EnumerateArray().ToDictionary(t => t.GetProperty("figure").GetString()!);
        Assert.Equal(("district-liaison-" + tag, 50.0), (targets["STOCK"].GetProperty("setBy").GetString(), targets["STOCK"].GetProperty("value").GetDouble()));
        Assert.Equal("planner-" + tag, targets["BACKLOG_INCREMENT"].GetProperty("setBy").GetString());
        var history = Assert.Single(campaign.GetProperty("targetHistory").EnumerateArray());
        Assert.Equal(("STOCK", 40.0, "planner-" + tag, "district-liaison-" + tag),
            (history.GetProperty("figure").GetString(), history.GetProperty("value").GetDouble(), history.GetProperty("setBy").GetString(), history.GetProperty("replacedBy").GetString()));
        Assert.Equal(TestHost.Now.UtcDateTime, history.GetProperty("replacedAt").GetDateTime().ToUniversalTime());

        // The case list: A and C by id, then every case of village 2 (B) by filter; D stays off.
        var added = await ListAsync(creator, "addCasesToCampaign", new { campaignId = id, caseIds = new[] { f.Cases["A"].Id, f.Cases["C"].Id } });
        Assert.Equal(2, added.GetProperty("total").GetInt32());
        var filtered = await ListAsync(creator, "addCasesToCampaign", new { campaignId = id, where = new { number = new { @in = new[] { f.Cases["B"].Number, f.Cases["A"].Number } } } });
        Assert.Equal(3, filtered.GetProperty("total").GetInt32());
        var listed = await creator.QueryAsync("query($id: ID!) { cases(where: { campaigns: { some: { id: { eq: $id } } } }) { totalCount nodes { number } } }", new { id });
        Assert.Equal([f.Cases["A"].Number, f.Cases["B"].Number, f.Cases["C"].Number],
            listed.GetProperty("cases").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("number").GetString()).Order(StringComparer.Ordinal));

        // An id of another type is refused, not silently unmatched.
        Assert.Equal(["INVALID_ID"], (await creator.PostAsync("query($id: ID!) { cases(where: { campaigns: { some: { id: { eq: $id } } } }) { totalCount } }",
            new { id = f.Cases["A"].Id })).ErrorCodes);

        // Counted through each reader's scope: the office account of L1 is never counted B, the case accusing L1.
        foreach (var who in AccessFixture.Roles())
        {
            var (client, visible, _) = new AccessFixture(host).As(who, f);
            var response = await client.PostAsync("{ campaigns { id caseList { total } } }");
            if (response.ErrorCodes.Count > 0)
            {
                continue;
            }
            var expected = visible.Count(v => v is "A" or "B" or "C");
            var total = response.Data.GetProperty("campaigns").EnumerateArray().Single(k => k.GetProperty("id").GetString() == id).GetProperty("caseList").GetProperty("total").GetInt32();
            Assert.True(expected == total, $"{who}: expected {expected}, counted {total}");
        }
        var accused = host.ClientAs(Role.Office, "office-l1-" + tag, AccessFixture.LeaderKey(f.L1));
        Assert.Equal("NOT_FOUND", (await accused.QueryAsync("""
            mutation($id: ID!, $caseIds: [ID!]) { addCasesToCampaign(input: { campaignId: $id, caseIds: $caseIds }) { userErrors { code } } }
            """, new { id, caseIds = new[] { f.Cases["B"].Id } })).GetProperty("addCasesToCampaign").GetProperty("userErrors")[0].GetProperty("code").GetString());

        var removed = await ListAsync(creator, "removeCasesFromCampaign", new { campaignId = id, caseIds = new[] { f.Cases["C"].Id } });
        Assert.Equal(2, removed.GetProperty("total").GetInt32());
        Assert.Equal("VALIDATION", (await creator.QueryAsync("""
            mutation($id: ID!) { removeCasesFromCampaign(input: { campaignId: $id, where: { status: { eq: ACCEPTED } } }) { userErrors { code } } }
            """, new { id })).GetProperty("removeCasesFromCampaign").GetProperty("userErrors")[0].GetProperty("code").GetString());

        // Each change to the list is audited with the case it touched.
        await using var db = host.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<PetitionGraph.Api.Data.PetitionDbContext>>().CreateDbContext();
        var campaignKey = GlobalId.Decode(id).Id;
        var subjects = await db.AuditEntries.Where(a => a.Subject!.StartsWith($"Campaign:{campaignKey}/")).OrderBy(a => a.Id).Select(a => a.Action + " " + a.Subject).ToListAsync();
        var caseKey = (string key) => GlobalId.Decode(f.Cases[key].Id).Id;
        string[] audited = [$"CREATE Campaign:{campaignKey}/Case:{caseKey("A")}", $"CREATE Campaign:{campaignKey}/Case:{caseKey("C")}",
            $"CREATE Campaign:{campaignKey}/Case:{caseKey("B")}", $"DELETE Campaign:{campaignKey}/Case:{caseKey("C")}"];
        Assert.Equal(audited.Order(StringComparer.Ordinal), subjects.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_target_relative_to_the_district_is_measured_against_the_latest_figure_entered()
    {
        var tag = AccessFixture.Tag();
        var office = host.Client;
        var satisfaction = new { figure = "SATISFACTION_RATE", comparison = "ABOVE_DISTRICT", value = 0.0 };
        var created = (await office.QueryAsync($$"""
            mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { {{CampaignFields}} } userErrors { code message } } }
            """, new { input = new { name = "满意率对标" + tag, baselineAt = "2026-01-01", phases = Array.Empty<object>(), targets = new[] { satisfaction } } })).GetProperty("createCampaign");
        CaseActions.AssertNoUserErrors(created);
        var id = created.GetProperty("campaign").GetProperty("id").GetString()!;
        var stored = Assert.Single(created.GetProperty("campaign").GetProperty("progress").EnumerateArray());
        // No district figure ending by now: no goal, not met.
        Assert.Equal((JsonValueKind.Null, false, JsonValueKind.Null),
            (stored.GetProperty("goal").ValueKind, stored.GetProperty("met").GetBoolean(), stored.GetProperty("district").ValueKind));
        var current = stored.GetProperty("current").GetDouble();

        // A figure for a period that ends after now does not count yet; one for Q3 does; a later entry for Q3 corrects it.
        await EnterAsync(office, "2026-10-01", "2027-01-01", 0.01, "四季度" + tag);
        await EnterAsync(office, "2026-07-01", "2026-10-01", Math.Round(current - 0.05, 4), "三季度" + tag);
        var first = await ProgressAsync(office, id);
        Assert.Equal((Math.Round(current - 0.05, 4), true, "三季度" + tag),
            (first.GetProperty("goal").GetDouble(), first.GetProperty("met").GetBoolean(), first.GetProperty("district").GetProperty("source").GetString()));
        await EnterAsync(office, "2026-07-01", "2026-10-01", Math.Round(current + 0.01, 4), "三季度更正" + tag);
        var corrected = await ProgressAsync(office, id);
        Assert.Equal((Math.Round(current + 0.01, 4), false, "三季度更正" + tag),
            (corrected.GetProperty("goal").GetDouble(), corrected.GetProperty("met").GetBoolean(), corrected.GetProperty("district").GetProperty("source").GetString()));

        var refused = (await office.QueryAsync("""
            mutation { enterDistrictFigure(input: { figure: SATISFACTION_RATE, periodFrom: "2026-07-01", periodTo: "2026-10-01", value: 95, source: "x" }) { userErrors { code field } } }
            """)).GetProperty("enterDistrictFigure").GetProperty("userErrors")[0];
        Assert.Equal("VALIDATION", refused.GetProperty("code").GetString());
        Assert.Equal(["FORBIDDEN"], (await host.ClientAs(Role.Analyst, "analyst-" + tag).PostAsync("""
            mutation { enterDistrictFigure(input: { figure: SATISFACTION_RATE, periodFrom: "2026-07-01", periodTo: "2026-10-01", value: 0.9, source: "x" }) { userErrors { code } } }
            """)).ErrorCodes);
        var figures = (await office.QueryAsync("{ districtFigures(figure: SATISFACTION_RATE) { source enteredBy } }")).GetProperty("districtFigures").EnumerateArray()
            .Select(d => d.GetProperty("source").GetString()).Where(s => s!.EndsWith(tag, StringComparison.Ordinal)).ToList();
        Assert.Equal(["四季度" + tag, "三季度更正" + tag, "三季度" + tag], figures);
    }

    private static async Task<JsonElement> CreateAsync(GraphQLClient client, string name, object[] heads)
    {
        var created = (await client.QueryAsync($$"""
            mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { {{CampaignFields}} } userErrors { code message } } }
            """, new { input = Input(name, 40, heads, null) })).GetProperty("createCampaign");
        CaseActions.AssertNoUserErrors(created);
        return created.GetProperty("campaign");
    }

    private static async Task<string[]> UpdateRefusedAsync(GraphQLClient client, string id, string name, object[] heads)
    {
        var payload = (await client.QueryAsync("""
            mutation($input: UpdateCampaignInput!) { updateCampaign(input: $input) { campaign { id } userErrors { code } } }
            """, new { input = Input(name, 40, heads, id) })).GetProperty("updateCampaign");
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("campaign").ValueKind);
        Assert.Equal(0, (await CampaignAsync(client, id)).GetProperty("version").GetInt32());
        return [.. payload.GetProperty("userErrors").EnumerateArray().Select(e => e.GetProperty("code").GetString()!)];
    }

    private static Dictionary<string, object?> Input(string name, double stockPercent, object[]? heads, string? campaignId)
    {
        var input = new Dictionary<string, object?>
        {
            ["name"] = name,
            ["baselineAt"] = "2026-01-01",
            // 排查 and 施策 overlap on purpose, as the seed plan's calendar has them.
            ["phases"] = new[] { new { kind = "SCREENING", from = "2026-02-01", to = "2026-05-01" }, new { kind = "PLANNING", from = "2026-03-01", to = "2026-05-01" } },
            ["targets"] = new object[]
            {
                new { figure = "STOCK", comparison = "REDUCE_BY_PERCENT", value = stockPercent },
                new { figure = "BACKLOG_INCREMENT", comparison = "AT_MOST", value = 0 },
            },
        };
        if (heads is not null)
        {
            input["heads"] = heads;
        }
        if (campaignId is not null)
        {
            input["campaignId"] = campaignId;
        }
        return input;
    }

    private static async Task<JsonElement> ListAsync(GraphQLClient client, string mutation, object variables)
    {
        var payload = (await client.QueryAsync($$"""
            mutation($campaignId: ID!, $caseIds: [ID!], $where: CaseFilterInput) {
              {{mutation}}(input: { campaignId: $campaignId, caseIds: $caseIds, where: $where }) { campaign { caseList { total } } userErrors { code message } } }
            """, variables)).GetProperty(mutation);
        CaseActions.AssertNoUserErrors(payload);
        return payload.GetProperty("campaign").GetProperty("caseList");
    }

    private static async Task EnterAsync(GraphQLClient client, string from, string to, double value, string source) =>
        CaseActions.AssertNoUserErrors((await client.QueryAsync("""
            mutation($from: DateTime!, $to: DateTime!, $value: Float!, $source: String!) {
              enterDistrictFigure(input: { figure: SATISFACTION_RATE, periodFrom: $from, periodTo: $to, value: $value, source: $source }) { userErrors { code message } } }
            """, new { from, to, value, source })).GetProperty("enterDistrictFigure"));

    private static async Task<JsonElement> ProgressAsync(GraphQLClient client, string id) => (await CampaignAsync(client, id)).GetProperty("progress")[0];

    private static async Task<JsonElement> CampaignAsync(GraphQLClient client, string id) =>
        (await client.QueryAsync($$"""{ campaigns { {{CampaignFields}} } }""")).GetProperty("campaigns").EnumerateArray().Single(k => k.GetProperty("id").GetString() == id);
}

[Collection(SqliteCollection.Name)]
public sealed class CampaignPlanTestsOnSqlite(SqliteHost host) : CampaignPlanTests(host);

[Collection(PostgresCollection.Name)]
public sealed class CampaignPlanTestsOnPostgres(PostgresHost host) : CampaignPlanTests(host);
