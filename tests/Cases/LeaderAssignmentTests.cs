using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL.Relay;
using PetitionGraph.Api.Leaders;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Cases;

public abstract class LeaderAssignmentTests(TestHost host)
{
    private readonly CaseActions _office = new(host);

    [Fact]
    public async Task Leaders_are_assigned_and_released_and_a_declared_conflict_is_refused()
    {
        using var clock = host.TravelTo(TestHost.Now.AddDays(-20));
        var c = await _office.OkAsync("acceptCase", await _office.RegisterAsync(TestHost.Now.AddDays(-21)));
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
        var town = await db.Leaders.Where(l => l.Level == LeaderLevel.Town).OrderBy(l => l.Id).Take(2).ToListAsync();
        var village = await db.Leaders.FirstAsync(l => l.Level == LeaderLevel.Village);

        c = await _office.OkAsync("assignLeader", c, new { leaderId = GlobalId.Encode("Leader", town[0].Id), role = "TOWN_LEAD" });
        c = await _office.OkAsync("assignLeader", c, new { leaderId = GlobalId.Encode("Leader", village.Id), role = "VILLAGE_LEAD" });
        var mismatch = await _office.StepAsync("assignLeader", c, new { leaderId = GlobalId.Encode("Leader", village.Id), role = "TOWN_LEAD" });
        Assert.Equal("VALIDATION", mismatch.GetProperty("userErrors")[0].GetProperty("code").GetString());
        var twice = await _office.StepAsync("assignLeader", c, new { leaderId = GlobalId.Encode("Leader", town[0].Id), role = "TOWN_LEAD" });
        Assert.Equal("INVALID_STATE", twice.GetProperty("userErrors")[0].GetProperty("code").GetString());

        c = await _office.OkAsync("declareConflictOfInterest", c, new { leaderId = GlobalId.Encode("Leader", town[1].Id), reason = "近亲属是当事人" });
        var conflicted = await _office.StepAsync("assignLeader", c, new { leaderId = GlobalId.Encode("Leader", town[1].Id), role = "TOWN_LEAD" });
        Assert.Equal("CONFLICT", conflicted.GetProperty("userErrors")[0].GetProperty("code").GetString());
        Assert.Contains("回避", conflicted.GetProperty("userErrors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);

        var data = await host.Client.QueryAsync("query($id: ID!) { node(id: $id) { ... on Case { leaders { name } assignments { id role active } } } }", new { id = c.Id });
        var node = data.GetProperty("node");
        Assert.Equal([town[0].Name, village.Name], node.GetProperty("leaders").EnumerateArray().Select(l => l.GetProperty("name").GetString()));
        var assignment = node.GetProperty("assignments")[0].GetProperty("id").GetString();
        c = await _office.OkAsync("endLeaderAssignment", c, new { assignmentId = assignment });
        data = await host.Client.QueryAsync("query($id: ID!) { node(id: $id) { ... on Case { leaders { name } } } }", new { id = c.Id });
        Assert.Equal([village.Name], data.GetProperty("node").GetProperty("leaders").EnumerateArray().Select(l => l.GetProperty("name").GetString()));
        Assert.Contains("LEADER_UNASSIGNED", CaseActions.EventKinds(c));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class LeaderAssignmentTestsOnSqlite(SqliteHost host) : LeaderAssignmentTests(host);

[Collection(PostgresCollection.Name)]
public sealed class LeaderAssignmentTestsOnPostgres(PostgresHost host) : LeaderAssignmentTests(host);
