using System.Text.Json;
using PetitionGraph.Api.Access;
using PetitionGraph.Tests.Access;
using PetitionGraph.Tests.Cases;
using PetitionGraph.Tests.Changes;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Teams;

/// <summary>
/// 专班 and 五个有 on the four access cases: a team with A, C and D; A keeps all five records, C two, D none. The
/// filters on team and missing records, each case's missingRecords, and the completeness report by team and by leader
/// give exactly those values — and a leader, through their scope, never the case that accuses them.
/// </summary>
public abstract class TeamTests(TestHost host)
{
    private static readonly string[] Five = ["COORDINATION_MEETING", "REPLY", "NEGOTIATION", "HEARING", "ONLINE_REGISTRATION"];

    [Fact]
    public async Task A_team_accounts_for_the_five_records_of_each_of_its_cases()
    {
        var f = await new AccessFixture(host).MakeAsync();
        var office = host.Client;
        var tag = AccessFixture.Tag();
        var created = (await office.QueryAsync("""
            mutation($name: String!, $head: ID!, $members: [ID!]) {
              createTeam(input: { name: $name, headLeaderId: $head, memberLeaderIds: $members, staff: ["测试文员"] }) {
                team { id name head { id } members { leader { id } staffName } } userErrors { code message } } }
            """, new { name = "化解专班" + tag, head = f.L1, members = new[] { f.L2 } })).GetProperty("createTeam");
        CaseActions.AssertNoUserErrors(created);
        var team = created.GetProperty("team");
        Assert.Equal(f.L1, team.GetProperty("head").GetProperty("id").GetString());
        Assert.Equal([f.L2, "测试文员"], team.GetProperty("members").EnumerateArray()
            .Select(m => m.GetProperty("leader").ValueKind == JsonValueKind.Object ? m.GetProperty("leader").GetProperty("id").GetString() : m.GetProperty("staffName").GetString()));
        var duplicate = (await office.QueryAsync("mutation($name: String!, $head: ID!) { createTeam(input: { name: $name, headLeaderId: $head }) { userErrors { code } } }",
            new { name = "化解专班" + tag, head = f.L1 })).GetProperty("createTeam").GetProperty("userErrors")[0].GetProperty("code").GetString();
        Assert.Equal("CONFLICT", duplicate);

        var teamId = team.GetProperty("id").GetString();
        foreach (var key in new[] { "A", "C", "D" })
        {
            var assigned = (await office.QueryAsync("mutation($c: ID!, $t: ID) { assignCaseToTeam(input: { caseId: $c, teamId: $t }) { case { missingRecords } userErrors { message } } }",
                new { c = f.Cases[key].Id, t = teamId })).GetProperty("assignCaseToTeam");
            CaseActions.AssertNoUserErrors(assigned);
            Assert.Equal(Five, assigned.GetProperty("case").GetProperty("missingRecords").EnumerateArray().Select(k => k.GetString()));
        }
        foreach (var kind in Five)
        {
            await FreshCases.RecordActivityAsync(host, f.Cases["A"].Id, kind);
        }
        await FreshCases.RecordActivityAsync(host, f.Cases["C"].Id, "HEARING");
        await FreshCases.RecordActivityAsync(host, f.Cases["C"].Id, "REPLY");
        // B is in no team: however few records it keeps, it is not held to the five.
        var numbers = f.Cases.Values.Select(m => m.Number).ToArray();

        var data = await office.QueryAsync("""
            query($numbers: [String!], $team: String!) {
              inTeam: cases(where: { number: { in: $numbers }, team: { name: { eq: $team } } }) { nodes { number missingRecords } }
              missingAny: cases(where: { number: { in: $numbers }, missingRecords: { any: true } }) { nodes { number } }
              complete: cases(where: { number: { in: $numbers }, team: { name: { eq: $team } }, missingRecords: { any: false } }) { nodes { number } }
              noHearing: cases(where: { number: { in: $numbers }, missingRecords: { includes: HEARING } }) { nodes { number } }
            }
            """, new { numbers, team = "化解专班" + tag });
        var missing = data.GetProperty("inTeam").GetProperty("nodes").EnumerateArray()
            .ToDictionary(n => AccessFixture.Key(f, n.GetProperty("number").GetString()!), n => string.Join(",", n.GetProperty("missingRecords").EnumerateArray().Select(k => k.GetString())));
        Assert.Equal(new Dictionary<string, string>
        {
            ["A"] = "",
            ["C"] = "COORDINATION_MEETING,NEGOTIATION,ONLINE_REGISTRATION",
            ["D"] = string.Join(",", Five),
        }, missing);
        Assert.Equal(["C", "D"], Keys(f, data, "missingAny"));
        Assert.Equal(["A"], Keys(f, data, "complete"));
        Assert.Equal(["D"], Keys(f, data, "noHearing"));

        // The report by team: three cases, one complete; by leader: L1 owns A, C and D.
        var byTeam = (await office.QueryAsync("{ recordCompleteness(groupBy: TEAM) { team { name } cases complete completeRate missing { kind cases } } }"))
            .GetProperty("recordCompleteness").EnumerateArray().Single(r => r.GetProperty("team").GetProperty("name").GetString() == "化解专班" + tag);
        Assert.Equal("3 1", $"{byTeam.GetProperty("cases").GetInt32()} {byTeam.GetProperty("complete").GetInt32()}");
        Assert.Equal("COORDINATION_MEETING:2 REPLY:1 NEGOTIATION:2 HEARING:1 ONLINE_REGISTRATION:2", string.Join(" ", byTeam.GetProperty("missing").EnumerateArray()
            .Select(m => $"{m.GetProperty("kind").GetString()}:{m.GetProperty("cases").GetInt32()}")));
        var byLeader = (await office.QueryAsync("{ recordCompleteness(groupBy: LEADER) { leader { id } cases complete } }"))
            .GetProperty("recordCompleteness").EnumerateArray().Single(r => r.GetProperty("leader").GetProperty("id").GetString() == f.L1);
        Assert.True(byLeader.GetProperty("cases").GetInt32() >= 3);

        // L1 through their own scope: D accuses them, so it is in none of their lists or figures.
        var l1 = host.ClientAs(Role.Leader, "l1-" + tag, AccessFixture.LeaderKey(f.L1));
        var theirs = await l1.QueryAsync("query($numbers: [String!]) { cases(where: { number: { in: $numbers }, missingRecords: { any: true } }) { nodes { number } } }", new { numbers });
        Assert.Equal(["C"], Keys(f, theirs, "cases"));
        var own = (await l1.QueryAsync("{ recordCompleteness(groupBy: TEAM) { team { name } cases } }")).GetProperty("recordCompleteness").EnumerateArray()
            .Single(r => r.GetProperty("team").GetProperty("name").GetString() == "化解专班" + tag);
        Assert.Equal(2, own.GetProperty("cases").GetInt32());

        // Grouped by TEAM, the team's row gives what filtering by the team gives (two paths to the same cases): A, C, D.
        var grouped = (await office.QueryAsync("{ statistics(from: \"2026-01-01\", to: \"2027-01-01\", interval: YEAR, groupBy: [TEAM]) { buckets { team { name } increment stock petitions } } }"))
            .GetProperty("statistics").GetProperty("buckets").EnumerateArray().Single(b => b.GetProperty("team").GetProperty("name").GetString() == "化解专班" + tag);
        var filteredByTeam = (await office.QueryAsync("query($t: String!) { statistics(from: \"2026-01-01\", to: \"2027-01-01\", interval: YEAR, where: { team: { name: { eq: $t } } }) { buckets { increment stock petitions } } }",
            new { t = "化解专班" + tag })).GetProperty("statistics").GetProperty("buckets")[0];
        Assert.Equal(3, grouped.GetProperty("increment").GetInt32());
        foreach (var figure in new[] { "increment", "stock", "petitions" })
        {
            Assert.Equal(filteredByTeam.GetProperty(figure).GetInt32(), grouped.GetProperty(figure).GetInt32());
        }

        // Out of the team again: no longer held to the five.
        var removed = (await office.QueryAsync("mutation($c: ID!) { assignCaseToTeam(input: { caseId: $c, teamId: null }) { case { team { name } missingRecords } userErrors { message } } }",
            new { c = f.Cases["D"].Id })).GetProperty("assignCaseToTeam");
        CaseActions.AssertNoUserErrors(removed);
        Assert.Equal(JsonValueKind.Null, removed.GetProperty("case").GetProperty("team").ValueKind);
        Assert.Equal(0, removed.GetProperty("case").GetProperty("missingRecords").GetArrayLength());
        var analyst = await host.ClientAs(Role.Analyst, "analyst-" + tag).PostAsync("mutation($c: ID!) { assignCaseToTeam(input: { caseId: $c, teamId: null }) { userErrors { code } } }", new { c = f.Cases["A"].Id });
        Assert.Equal("FORBIDDEN", analyst.ErrorCodes[0]);
    }

    private static List<string> Keys(AccessFixture.FourCases f, JsonElement data, string field) =>
        [.. data.GetProperty(field).GetProperty("nodes").EnumerateArray().Select(n => AccessFixture.Key(f, n.GetProperty("number").GetString()!)).Order(StringComparer.Ordinal)];
}

[Collection(SqliteCollection.Name)]
public sealed class TeamTestsOnSqlite(SqliteHost host) : TeamTests(host);

[Collection(PostgresCollection.Name)]
public sealed class TeamTestsOnPostgres(PostgresHost host) : TeamTests(host);
