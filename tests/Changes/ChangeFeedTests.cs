using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Data;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Changes;

/// <summary>The change feed: what it records, whom it shows what, and that a consumer misses nothing and sees nothing twice.</summary>
public abstract class ChangeFeedTests(TestHost host)
{
    private const string Page = "query($after: String, $first: Int) { changes(after: $after, first: $first) { pageInfo { hasNextPage endCursor } nodes { sequence kind entityType entityId case { number } } } }";

    [Fact]
    public async Task A_case_walk_and_a_village_rename_appear_in_order_with_their_kinds()
    {
        var start = await EndCursorAsync(host.Client);
        var target = await FreshCases.AcceptedAsync(host);
        await FreshCases.RecordActivityAsync(host, target.Id);
        var admin = host.ClientAs(Role.Admin, "test-admin");
        var code = "F" + Guid.NewGuid().ToString("N")[..8];
        var village = (await admin.QueryAsync("mutation($code: String!) { createVillage(input: { code: $code, name: \"新村\", kind: VILLAGE }) { village { id } } }", new { code }))
            .GetProperty("createVillage").GetProperty("village").GetProperty("id").GetString();

        var page = (await host.Client.QueryAsync(Page, new { after = start, first = 10 })).GetProperty("changes");
        var nodes = page.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(["REGISTERED", "ACCEPTED", "ACTIVITY_RECORDED", "VILLAGE_CHANGED"], nodes.Select(n => n.GetProperty("kind").GetString()));
        Assert.All(nodes.Take(3), n => Assert.Equal(target.Number, n.GetProperty("case").GetProperty("number").GetString()));
        Assert.Equal(JsonValueKind.Null, nodes[3].GetProperty("case").ValueKind);
        Assert.Equal(village, nodes[3].GetProperty("entityId").GetString());
        var sequences = nodes.Select(n => n.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(Enumerable.Range(0, 4).Select(i => sequences[0] + i), sequences);

        // Nothing new: the end cursor stays where the reader was.
        var again = (await host.Client.QueryAsync(Page, new { after = page.GetProperty("pageInfo").GetProperty("endCursor").GetString(), first = 10 })).GetProperty("changes");
        Assert.Equal(0, again.GetProperty("nodes").GetArrayLength());
        Assert.Equal(page.GetProperty("pageInfo").GetProperty("endCursor").GetString(), again.GetProperty("pageInfo").GetProperty("endCursor").GetString());
    }

    [Fact]
    public async Task A_refused_mutation_records_nothing()
    {
        var id = (await FreshCases.AcceptedAsync(host)).Id;
        var start = await EndCursorAsync(host.Client);
        var payload = await host.Client.QueryAsync("mutation($id: ID!) { acceptCase(input: { caseId: $id }) { userErrors { code } } }", new { id });
        Assert.NotEqual(0, payload.GetProperty("acceptCase").GetProperty("userErrors").GetArrayLength());
        Assert.Equal(0, (await host.Client.QueryAsync(Page, new { after = start, first = 10 })).GetProperty("changes").GetProperty("nodes").GetArrayLength());
    }

    [Fact]
    public async Task A_village_handler_sees_only_the_changes_of_their_villages_and_names_are_masked_for_analysts()
    {
        var start = await EndCursorAsync(host.Client);
        var two = new[] { await FreshCases.AcceptedAsync(host, "9901001"), await FreshCases.AcceptedAsync(host, "9901002") };
        foreach (var c in two)
        {
            await FreshCases.RecordActivityAsync(host, c.Id, "COORDINATION_MEETING");
        }
        var mine = two[0].Village;
        var handler = host.ClientAs(Role.VillageHandler, "test-handler", villages: [mine]);
        var seen = (await handler.QueryAsync("query($after: String) { changes(after: $after) { nodes { case { village { code } } } } }", new { after = start }))
            .GetProperty("changes").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("case").GetProperty("village").GetProperty("code").GetString()).ToList();
        Assert.Equal([mine, mine, mine], seen); // its registration, acceptance and meeting; none of the other village's

        var analyst = host.ClientAs(Role.Analyst, "test-analyst");
        var masked = await analyst.PostAsync("query($after: String) { changes(after: $after) { nodes { case { petitioners { name } } } } }", new { after = start });
        var names = masked.Data.GetProperty("changes").GetProperty("nodes").EnumerateArray()
            .SelectMany(n => n.GetProperty("case").GetProperty("petitioners").EnumerateArray()).Select(p => p.GetProperty("name").GetString()!).ToList();
        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.EndsWith("*", n, StringComparison.Ordinal));
        Assert.True(masked.Body.GetProperty("extensions").TryGetProperty("personalData", out _));
    }

    [Fact]
    public async Task A_bad_cursor_or_page_size_is_refused_clearly()
    {
        Assert.Equal("INVALID_CURSOR", (await host.Client.PostAsync(Page, new { after = "bm90LWEtY3Vyc29y", first = 1 })).ErrorCodes[0]);
        Assert.Equal("PAGE_SIZE", (await host.Client.PostAsync(Page, new { first = 501 })).ErrorCodes[0]);
    }

    [Fact]
    public async Task Reading_a_page_of_changes_is_one_statement()
    {
        host.Sql.Clear();
        await host.Client.QueryAsync("{ changes(first: 100) { nodes { sequence kind at entityType entityId } pageInfo { endCursor } } }");
        Assert.Single(host.Sql.Commands);
    }

    /// <summary>
    /// Many writers commit while one transaction, which took its sequence first, stays open; a consumer pages all along.
    /// It must see every change exactly once and in order — also the slow one's, which commits after later writers began.
    /// </summary>
    [Fact]
    public async Task A_consumer_paging_during_concurrent_writes_and_a_slow_transaction_sees_every_change_exactly_once_in_order()
    {
        var cases = await FreshCases.AcceptedAsync(host, 8);
        var code = "Q" + Guid.NewGuid().ToString("N")[..8];
        await host.ClientAs(Role.Admin, "test-admin").QueryAsync("mutation($code: String!) { createVillage(input: { code: $code, name: \"慢村\", kind: VILLAGE }) { village { id } } }", new { code });
        var start = await EndCursorAsync(host.Client);
        var seen = new List<long>();
        using var stop = new CancellationTokenSource();
        var consumer = Task.Run(async () =>
        {
            var cursor = start;
            var until = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < until)
            {
                var finishing = stop.IsCancellationRequested;
                var page = (await host.Client.QueryAsync(Page, new { after = cursor, first = 7 })).GetProperty("changes");
                seen.AddRange(page.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("sequence").GetInt64()));
                cursor = page.GetProperty("pageInfo").GetProperty("endCursor").GetString();
                if (finishing && !page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean())
                {
                    return;
                }
            }
        });
        try
        {
            var slow = Task.Run(async () =>
            {
                await using var db = await host.Services.GetRequiredService<IDbContextFactory<PetitionDbContext>>().CreateDbContextAsync();
                await using var transaction = await db.Database.BeginTransactionAsync();
                var village = await db.Villages.AsTracking().SingleAsync(v => v.Code == code);
                village.Aliases = "慢事务";
                await db.SaveChangesAsync(); // its sequence is taken here …
                await Task.Delay(1500);     // … and committed only after the writers below have run
                await transaction.CommitAsync();
            });
            await Task.Delay(200);
            // Eight writers, each on its own case, six activities each.
            await Task.WhenAll(cases.Select(c => Task.Run(async () =>
            {
                for (var i = 0; i < 6; i++)
                {
                    await FreshCases.RecordActivityAsync(host, c.Id);
                }
            })));
            await slow;
        }
        finally
        {
            await stop.CancelAsync();
            await consumer;
        }

        await using var check = await host.Services.GetRequiredService<IDbContextFactory<PetitionDbContext>>().CreateDbContextAsync();
        var from = start is null ? 0 : PetitionGraph.Api.Changes.ChangeQueries.Decode(start);
        var committed = await check.Changes.Where(c => c.Sequence > from).OrderBy(c => c.Sequence).Select(c => c.Sequence).ToListAsync();
        Assert.Equal(49, committed.Count);
        Assert.Equal(committed, seen); // every one, once, in order
        Assert.Equal(Enumerable.Range(0, committed.Count).Select(i => committed[0] + i), committed); // no gaps either
    }

    private static async Task<string?> EndCursorAsync(GraphQLClient client)
    {
        string? cursor = null;
        while (true)
        {
            var page = (await client.QueryAsync(Page, new { after = cursor, first = 500 })).GetProperty("changes");
            cursor = page.GetProperty("pageInfo").GetProperty("endCursor").GetString();
            if (!page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean())
            {
                return cursor;
            }
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ChangeFeedTestsOnSqlite(SqliteHost host) : ChangeFeedTests(host);

[Collection(PostgresCollection.Name)]
public sealed class ChangeFeedTestsOnPostgres(PostgresHost host) : ChangeFeedTests(host);
