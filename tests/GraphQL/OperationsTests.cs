using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL.Relay;
using PetitionGraph.Api.Petitions;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.GraphQL;

/// <summary>Every example operation in schema/operations runs against the host and returns the right rows.</summary>
public abstract class OperationsTests(TestHost host)
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, "schema", "operations");

    [Fact]
    public void Every_operation_file_has_a_test()
    {
        var files = Directory.GetFiles(Folder, "*.graphql").Select(f => Path.GetFileNameWithoutExtension(f)!).Order().ToList();
        var tested = typeof(OperationsTests).GetMethods().Select(m => m.Name).Where(n => n.StartsWith("Operation_", StringComparison.Ordinal))
            .Select(n => n["Operation_".Length..]).Order().ToList();
        Assert.Equal(files, tested);
    }

    [Fact]
    public async Task Operation_VillageCasesByStatus()
    {
        var cases = await CaseOracle.LoadAsync(host);
        var village = cases.GroupBy(c => c.Village!.Code).OrderByDescending(g => g.Count()).First().Key;
        var data = await RunAsync("VillageCasesByStatus", new { village, statuses = new[] { "ACCEPTED", "CONCLUDED", "RESOLVED" } });
        var expected = cases.Where(c => c.Village!.Code == village && c.Status is CaseStatus.Accepted or CaseStatus.Concluded or CaseStatus.Resolved)
            .OrderByDescending(c => c.OpenedAt).ThenBy(c => c.Id).ToList();
        var connection = data.GetProperty("cases");
        Assert.Equal(expected.Count, connection.GetProperty("totalCount").GetInt32());
        var nodes = connection.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(expected.Take(50).Select(c => c.Number), nodes.Select(n => n.GetProperty("number").GetString()));
        foreach (var (node, expectedCase) in nodes.Zip(expected))
        {
            var leaders = expectedCase.Assignments.Where(a => a.To is null || a.To > TestHost.Now.UtcDateTime).Select(a => a.Leader!.Name).Order();
            Assert.Equal(leaders, node.GetProperty("leaders").EnumerateArray().Select(l => l.GetProperty("name").GetString()!).Order());
        }
    }

    [Fact]
    public async Task Operation_BacklogCasesOfCategory()
    {
        var cases = await CaseOracle.LoadAsync(host);
        var now = TestHost.Now.UtcDateTime;
        var category = cases.Where(c => c.InBacklogAt(now)).GroupBy(c => c.Category!.Code).OrderByDescending(g => g.Count()).First().Key;
        var data = await RunAsync("BacklogCasesOfCategory", new { category });
        var expected = cases.Where(c => c.Category!.Code == category && c.InBacklogAt(now)).OrderBy(c => c.BacklogSince).ThenBy(c => c.Id).ToList();
        Assert.NotEmpty(expected);
        var nodes = data.GetProperty("cases").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(expected.Select(c => c.Number), nodes.Select(n => n.GetProperty("number").GetString()));
        Assert.Equal(
            expected.Select(c => string.Join("、", c.Petitioners.Select(p => p.Petitioner!.Name).Order())),
            nodes.Select(n => string.Join("、", n.GetProperty("petitioners").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order())));
    }

    [Fact]
    public async Task Operation_LeaderCases()
    {
        var cases = await CaseOracle.LoadAsync(host);
        var now = TestHost.Now.UtcDateTime;
        var current = cases.SelectMany(c => c.Assignments.Where(a => a.To is null || a.To > now).Select(a => (a.Leader!, Case: c))).ToList();
        var leader = current.GroupBy(x => x.Item1.Id).OrderByDescending(g => g.Count()).First();
        var data = await RunAsync("LeaderCases", new { leader = GlobalId.Encode("Leader", leader.Key) });
        var node = data.GetProperty("node");
        Assert.Equal(leader.First().Item1.Name, node.GetProperty("name").GetString());
        var expected = cases.Where(c => c.Assignments.Any(a => a.LeaderId == leader.Key && a.To is null)).OrderBy(c => c.OpenedAt).ThenBy(c => c.Id).ToList();
        Assert.Equal(expected.Count, node.GetProperty("cases").GetProperty("totalCount").GetInt32());
        Assert.Equal(expected.Take(50).Select(c => c.Number), node.GetProperty("cases").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("number").GetString()));
    }

    [Fact]
    public async Task Operation_MonthlyFiguresByCategory()
    {
        var cases = await CaseOracle.LoadAsync(host);
        var data = await RunAsync("MonthlyFiguresByCategory", new { from = "2025-07-01", to = "2026-07-01" });
        var buckets = data.GetProperty("statistics").GetProperty("buckets").EnumerateArray().ToList();
        var categories = cases.Select(c => c.Category!).DistinctBy(c => c.Id).Count();
        Assert.Equal(12 * categories, buckets.Count);
        var oracle = new Statistics.FigureOracle(cases, TestHost.Now.UtcDateTime);
        foreach (var bucket in buckets)
        {
            var start = DateTimeOffset.Parse(bucket.GetProperty("start").GetString()!).UtcDateTime;
            var end = DateTimeOffset.Parse(bucket.GetProperty("end").GetString()!).UtcDateTime;
            var category = cases.First(c => c.Category!.Code == bucket.GetProperty("category").GetProperty("code").GetString()).CategoryId;
            var expected = oracle.Compute(start, end, new Statistics.OracleGroup(category, null, null, null, null));
            Assert.Equal(expected.Stock, bucket.GetProperty("stock").GetInt32());
            Assert.Equal(expected.Increment, bucket.GetProperty("increment").GetInt32());
            Assert.Equal(expected.ConclusionDue, bucket.GetProperty("onTimeConclusionRate").GetProperty("denominator").GetInt32());
        }
    }

    [Fact]
    public async Task Operation_HighLevelPetitions()
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
        var from = new DateTime(2020, 12, 31, 16, 0, 0, DateTimeKind.Utc);
        var to = new DateTime(2024, 12, 31, 16, 0, 0, DateTimeKind.Utc);
        var expected = await db.Petitions.Include(p => p.Case)
            .Where(p => (p.Level == PetitionLevel.Province || p.Level == PetitionLevel.National) && p.ReceivedAt >= from && p.ReceivedAt < to)
            .OrderBy(p => p.ReceivedAt).ThenBy(p => p.Id).ToListAsync();
        Assert.NotEmpty(expected);
        var data = await RunAsync("HighLevelPetitions", new { from = "2021-01-01", to = "2025-01-01T00:00:00+08:00" });
        var connection = data.GetProperty("petitions");
        Assert.Equal(expected.Count, connection.GetProperty("totalCount").GetInt32());
        var nodes = connection.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(expected.Take(100).Select(p => p.Case!.Number), nodes.Select(n => n.GetProperty("case").GetProperty("number").GetString()));
        Assert.All(nodes, n => Assert.Contains(n.GetProperty("level").GetString(), new[] { "PROVINCE", "NATIONAL" }));
    }

    [Fact]
    public async Task Operation_ChangesSince()
    {
        await using (var scope = host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
            var first = await db.Changes.OrderBy(c => c.Sequence).Select(c => c.Sequence).Take(3).ToListAsync();
            if (first.Count < 3)
            {
                await Changes.FreshCases.AcceptedAsync(host);
                await Changes.FreshCases.AcceptedAsync(host);
                first = await db.Changes.OrderBy(c => c.Sequence).Select(c => c.Sequence).Take(3).ToListAsync();
            }
            var page = (await RunAsync("ChangesSince", new { first = 2 })).GetProperty("changes");
            Assert.Equal(first.Take(2), page.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("sequence").GetInt64()));
            Assert.True(page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
            var next = (await RunAsync("ChangesSince", new { after = page.GetProperty("pageInfo").GetProperty("endCursor").GetString(), first = 1 })).GetProperty("changes");
            Assert.Equal(first[2], next.GetProperty("nodes")[0].GetProperty("sequence").GetInt64());
        }
    }

    [Fact]
    public async Task Operation_CaseChanged()
    {
        var target = await Changes.FreshCases.AcceptedAsync(host);
        await using var ws = await GraphQLWebSocketClient.ConnectAsync(host.BaseAddress);
        await ws.InitAsync(host.Services.GetRequiredService<PetitionGraph.Api.Access.TokenIssuer>().Issue("test-office", PetitionGraph.Api.Access.Role.Office));
        await ws.NextAsync();
        var text = await File.ReadAllTextAsync(Path.Combine(Folder, "CaseChanged.graphql"));
        await ws.SendAsync(new { id = "op", type = "subscribe", payload = new { query = text, variables = new { where = new { number = new { eq = target.Number } } } } });
        await Task.Delay(600);
        await Changes.FreshCases.RecordActivityAsync(host, target.Id);
        var change = (await ws.NextWhereAsync(m => m.GetProperty("type").GetString() == "next")).GetProperty("payload").GetProperty("data").GetProperty("caseChanged");
        Assert.Equal("ACTIVITY_RECORDED", change.GetProperty("kind").GetString());
        Assert.Equal(target.Number, change.GetProperty("case").GetProperty("number").GetString());
        Assert.Equal("ACCEPTED", change.GetProperty("case").GetProperty("status").GetString());
    }

    private async Task<JsonElement> RunAsync(string operation, object variables) =>
        await host.Client.QueryAsync(await File.ReadAllTextAsync(Path.Combine(Folder, operation + ".graphql")), variables);
}

[Collection(SqliteCollection.Name)]
public sealed class OperationsTestsOnSqlite(SqliteHost host) : OperationsTests(host);

[Collection(PostgresCollection.Name)]
public sealed class OperationsTestsOnPostgres(PostgresHost host) : OperationsTests(host);
