using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Data;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Live;

/// <summary>caseChanged over WebSocket (graphql-transport-ws), with a .NET client: the protocol, scope, masking and audit.</summary>
public abstract class SubscriptionTests(TestHost host)
{
    private const string CaseChanged = "subscription($where: CaseFilterInput) { caseChanged(where: $where) { sequence kind case { number village { code } petitioners { name } } } }";

    private string Token(Role role, string user, IReadOnlyList<string>? villages = null) =>
        host.Services.GetRequiredService<TokenIssuer>().Issue(user, role, null, villages);

    [Fact]
    public async Task A_subscriber_receives_each_change_it_may_see_as_it_commits()
    {
        var target = await AcceptedCaseAsync();
        await using var ws = await GraphQLWebSocketClient.ConnectAsync(host.BaseAddress);
        await ws.InitAsync(Token(Role.Office, "test-office"));
        Assert.Equal("connection_ack", (await ws.NextAsync())!.Value.GetProperty("type").GetString());
        await ws.SendAsync(new { id = "1", type = "subscribe", payload = new { query = CaseChanged } });
        await Task.Delay(600); // subscribed: from the next commit on
        await RecordActivityAsync(target.Id);
        var next = await ws.NextWhereAsync(m => m.GetProperty("type").GetString() == "next");
        Assert.Equal("1", next.GetProperty("id").GetString());
        var change = next.GetProperty("payload").GetProperty("data").GetProperty("caseChanged");
        Assert.Equal("ACTIVITY_RECORDED", change.GetProperty("kind").GetString());
        Assert.Equal(target.Number, change.GetProperty("case").GetProperty("number").GetString());
        Assert.DoesNotContain("*", change.GetProperty("case").GetProperty("petitioners")[0].GetProperty("name").GetString(), StringComparison.Ordinal);

        // The office read names: audited, as a query's read would be.
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<PetitionDbContext>>().CreateDbContextAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Actor == "test-office" && a.Action == "READ" && a.Operation.StartsWith("subscription")));

        await ws.SendAsync(new { id = "1", type = "complete" });
        await ws.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (await ws.NextWhereAsync(m => m.GetProperty("type").GetString() != "next")).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_village_handler_gets_only_their_villages_and_an_analyst_gets_names_masked()
    {
        var mine = await AcceptedCaseAsync("9901001");
        var other = await AcceptedCaseAsync("9901002");
        await using var handler = await GraphQLWebSocketClient.ConnectAsync(host.BaseAddress);
        await handler.InitAsync(Token(Role.VillageHandler, "test-handler", [mine.Village]));
        await handler.NextAsync();
        await handler.SendAsync(new { id = "h", type = "subscribe", payload = new { query = CaseChanged } });
        await using var analyst = await GraphQLWebSocketClient.ConnectAsync(host.BaseAddress);
        await analyst.InitAsync(Token(Role.Analyst, "test-analyst"));
        await analyst.NextAsync();
        await analyst.SendAsync(new { id = "a", type = "subscribe", payload = new { query = CaseChanged } });
        await Task.Delay(600);
        await RecordActivityAsync(other.Id);
        await RecordActivityAsync(mine.Id);

        var seen = await handler.NextWhereAsync(m => m.GetProperty("type").GetString() == "next");
        Assert.Equal(mine.Number, seen.GetProperty("payload").GetProperty("data").GetProperty("caseChanged").GetProperty("case").GetProperty("number").GetString());
        var first = await analyst.NextWhereAsync(m => m.GetProperty("type").GetString() == "next");
        var payload = first.GetProperty("payload");
        Assert.EndsWith("*", payload.GetProperty("data").GetProperty("caseChanged").GetProperty("case").GetProperty("petitioners")[0].GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.True(payload.GetProperty("extensions").TryGetProperty("personalData", out _));
    }

    [Fact]
    public async Task A_filter_limits_the_events_and_queries_run_too()
    {
        var target = await AcceptedCaseAsync();
        var elsewhere = await AcceptedCaseAsync();
        await using var ws = await GraphQLWebSocketClient.ConnectAsync(host.BaseAddress);
        await ws.InitAsync(Token(Role.Office, "test-office"));
        await ws.NextAsync();
        await ws.SendAsync(new { id = "f", type = "subscribe", payload = new { query = CaseChanged, variables = new { where = new { number = new { eq = target.Number } } } } });
        await ws.SendAsync(new { id = "q", type = "subscribe", payload = new { query = "{ categories { nodes { code } } }" } });
        var answer = await ws.NextWhereAsync(m => m.GetProperty("id").GetString() == "q");
        Assert.Equal("next", answer.GetProperty("type").GetString());
        Assert.NotEqual(0, answer.GetProperty("payload").GetProperty("data").GetProperty("categories").GetProperty("nodes").GetArrayLength());
        Assert.Equal("complete", (await ws.NextWhereAsync(m => m.GetProperty("id").GetString() == "q")).GetProperty("type").GetString());
        await Task.Delay(600);
        await RecordActivityAsync(elsewhere.Id);
        await RecordActivityAsync(target.Id);
        var next = await ws.NextWhereAsync(m => m.GetProperty("type").GetString() == "next" && m.GetProperty("id").GetString() == "f");
        Assert.Equal(target.Number, next.GetProperty("payload").GetProperty("data").GetProperty("caseChanged").GetProperty("case").GetProperty("number").GetString());
    }

    [Fact]
    public async Task Protocol_violations_close_with_the_protocols_codes()
    {
        await using (var early = await GraphQLWebSocketClient.ConnectAsync(host.BaseAddress))
        {
            await early.SendAsync(new { id = "1", type = "subscribe", payload = new { query = CaseChanged } });
            Assert.Equal(4401, await early.ClosedAsync());
        }
        await using (var forged = await GraphQLWebSocketClient.ConnectAsync(host.BaseAddress))
        {
            await forged.SendAsync(new { type = "connection_init", payload = new { Authorization = "Bearer not-a-token" } });
            Assert.Equal(4403, await forged.ClosedAsync());
        }
        await using (var twice = await GraphQLWebSocketClient.ConnectAsync(host.BaseAddress))
        {
            await twice.InitAsync(Token(Role.Office, "test-office"));
            await twice.NextAsync();
            await twice.InitAsync(Token(Role.Office, "test-office"));
            Assert.Equal(4429, await twice.ClosedAsync());
        }
        await using (var duplicate = await GraphQLWebSocketClient.ConnectAsync(host.BaseAddress))
        {
            await duplicate.InitAsync(Token(Role.Office, "test-office"));
            await duplicate.NextAsync();
            await duplicate.SendAsync(new { id = "same", type = "subscribe", payload = new { query = CaseChanged } });
            await duplicate.SendAsync(new { id = "same", type = "subscribe", payload = new { query = CaseChanged } });
            Assert.Equal(4409, await duplicate.ClosedAsync());
        }
        await using (var garbage = await GraphQLWebSocketClient.ConnectAsync(host.BaseAddress))
        {
            await garbage.SendAsync(new { type = "hello" });
            Assert.Equal(4400, await garbage.ClosedAsync());
        }
        await using (var legacy = await GraphQLWebSocketClient.ConnectAsync(host.BaseAddress, "graphql-ws"))
        {
            Assert.Equal(4406, await legacy.ClosedAsync());
        }
        await using (var invalid = await GraphQLWebSocketClient.ConnectAsync(host.BaseAddress))
        {
            await invalid.InitAsync(Token(Role.Office, "test-office"));
            await invalid.NextAsync();
            await invalid.SendAsync(new { id = "x", type = "subscribe", payload = new { query = "subscription { caseChanged { nope } }" } });
            var error = (await invalid.NextAsync())!.Value;
            Assert.Equal("error", error.GetProperty("type").GetString());
            Assert.Equal("x", error.GetProperty("id").GetString());
        }
    }

    private Task<Changes.FreshCases.Fresh> AcceptedCaseAsync(string village = "9901001") => Changes.FreshCases.AcceptedAsync(host, village);

    private Task RecordActivityAsync(string caseId) => Changes.FreshCases.RecordActivityAsync(host, caseId);
}

[Collection(SqliteCollection.Name)]
public sealed class SubscriptionTestsOnSqlite(SqliteHost host) : SubscriptionTests(host);

[Collection(PostgresCollection.Name)]
public sealed class SubscriptionTestsOnPostgres(PostgresHost host) : SubscriptionTests(host);
