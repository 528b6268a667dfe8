using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL.Relay;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.GraphQL;

/// <summary>
/// A root page's query is compiled once per shape and reused with each request's values (CompiledPages): the values
/// of one request — filter, cursor, the caller's scope — must never reach another's.
/// </summary>
public abstract class CompiledPageTests(TestHost host)
{
    private GraphQLClient Analyst { get; } = host.ClientAs(Role.Analyst, "compiled-analyst");

    [Fact]
    public async Task The_benchmark_page_is_served_by_a_compiled_query()
    {
        await Analyst.QueryAsync("""
            { cases(first: 100, order: [{ openedAt: DESC }]) { nodes { number village { name } category { code } petitioners { name } leaders { name } } } }
            """);
        await using var scope = host.Scope();
        var model = scope.ServiceProvider.GetRequiredService<PetitionDbContext>().Model;
        // With the shortcuts switched off (Performance__Shortcuts=false dotnet test) no page is compiled at all.
        Assert.Equal(host.Services.GetRequiredService<PetitionGraph.Api.Hosting.Shortcuts>().Enabled,
            CompiledPages<Case>.CompiledShapes(model).Any(s => s.StartsWith("openedAt:DESC,id:ASC|forth|", StringComparison.Ordinal) && s.EndsWith("|100", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task One_filter_shape_with_different_values_answers_each_value()
    {
        const string Query = "query($s: [CaseStatus!], $c: String) { cases(first: 100, where: { status: { in: $s }, category: { code: { eq: $c } } }) { nodes { number } } }";
        var cases = await CaseOracle.LoadAsync(host);
        var statuses = cases.Select(c => c.Status).Distinct().Order().ToList();
        var categories = cases.Select(c => c.Category!.Code).Distinct().Order().ToList();
        Assert.True(statuses.Count >= 3 && categories.Count >= 3);
        var asked = 0;
        foreach (var category in categories.Take(3))
        {
            for (var n = 1; n <= 3; n++)
            {
                var chosen = statuses.Skip(n - 1).Take(n).ToList();
                var data = await Analyst.QueryAsync(Query, new { s = chosen.Select(Name), c = category });
                var expected = cases.Where(c => c.Category!.Code == category && chosen.Contains(c.Status)).OrderBy(c => c.Id).Select(c => c.Number).Take(100);
                Assert.Equal(expected, Numbers(data));
                asked++;
            }
        }
        Assert.Equal(9, asked);
    }

    [Fact]
    public async Task Village_handlers_asking_the_same_query_each_see_only_their_villages()
    {
        var cases = await CaseOracle.LoadAsync(host);
        var villages = cases.GroupBy(c => c.Village!.Code).OrderByDescending(g => g.Count()).Select(g => g.Key).Take(3).ToList();
        Assert.Equal(3, villages.Count);
        // Alternating callers: a reused compiled query that kept the first caller's villages would show here.
        foreach (var own in new[] { villages[..1], villages[1..2], villages[1..3], villages[..1] })
        {
            var handler = host.ClientAs(Role.VillageHandler, "compiled-village-" + string.Join("-", own), villages: own);
            var seen = await AllNumbersAsync(handler);
            Assert.Equal(cases.Where(c => own.Contains(c.Village!.Code)).Select(c => c.Number).Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Leaders_asking_the_same_query_each_see_only_their_cases()
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
        var leaders = await db.LeaderAssignments.Where(a => a.To == null).GroupBy(a => a.LeaderId)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).Take(2).ToListAsync();
        Assert.Equal(2, leaders.Count);
        foreach (var leader in new[] { leaders[0], leaders[1], leaders[0] })
        {
            var expected = await db.Cases
                .Where(c => c.Assignments.Any(a => a.LeaderId == leader && a.To == null)
                    && !c.AccusedLeaders.Any(a => a.LeaderId == leader) && !c.Conflicts.Any(x => x.LeaderId == leader))
                .Select(c => c.Number).ToListAsync();
            Assert.NotEmpty(expected);
            var seen = await AllNumbersAsync(host.ClientAs(Role.Leader, "compiled-leader-" + leader, leaderId: leader));
            Assert.Equal(expected.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task A_folded_list_that_depends_on_the_instant_follows_the_clock_of_each_request()
    {
        // A case's current leaders are folded into the page; "current" compares with the request's instant, which is a
        // parameter of the compiled query, not a value fixed when it was compiled.
        const string Query = "{ cases(first: 100) { nodes { number leaders { name } } } }";
        var cases = (await CaseOracle.LoadAsync(host)).OrderBy(c => c.Id).Take(100).ToList();
        var earlier = TestHost.Now.AddYears(-10);
        Assert.Contains(cases, c => c.Assignments.Any(a => a.To is { } to && to > earlier.UtcDateTime && to <= TestHost.Now.UtcDateTime));

        var now = Leaders(await Analyst.QueryAsync(Query));
        Dictionary<string, int> then;
        using (host.TravelTo(earlier))
        {
            then = Leaders(await Analyst.QueryAsync(Query));
        }
        Assert.Equal(Expected(TestHost.Now.UtcDateTime), now);
        Assert.Equal(Expected(earlier.UtcDateTime), then);
        Assert.Equal(now, Leaders(await Analyst.QueryAsync(Query)));

        Dictionary<string, int> Expected(DateTime instant) =>
            cases.ToDictionary(c => c.Number, c => c.Assignments.Count(a => a.To is null || a.To > instant));

        static Dictionary<string, int> Leaders(JsonElement data) =>
            data.GetProperty("cases").GetProperty("nodes").EnumerateArray()
                .ToDictionary(n => n.GetProperty("number").GetString()!, n => n.GetProperty("leaders").GetArrayLength());
    }

    [Fact]
    public async Task An_order_whose_query_captures_more_than_the_instant_is_not_compiled_but_still_answered()
    {
        // keyClass fixes its "open for years" threshold into the expression: such a query takes EF Core's usual path.
        var data = await Analyst.QueryAsync("{ cases(first: 30, order: [{ keyClass: ASC }]) { nodes { number } } }");
        Assert.Equal(30, Numbers(data).Count);
        await using var scope = host.Scope();
        var model = scope.ServiceProvider.GetRequiredService<PetitionDbContext>().Model;
        Assert.DoesNotContain(CompiledPages<Case>.CompiledShapes(model), s => s.StartsWith("keyClass:", StringComparison.Ordinal));
        // Not silently: the shape is listed with why (and logged once) — unless no page is compiled at all.
        Assert.Equal(host.Services.GetRequiredService<PetitionGraph.Api.Hosting.Shortcuts>().Enabled, CompiledPages<Case>.UncompiledShapes(model)
            .Any(u => u.Shape.StartsWith("keyClass:", StringComparison.Ordinal) && u.Reason.Contains("captures a value", StringComparison.Ordinal)));
    }

    private static async Task<List<string>> AllNumbersAsync(GraphQLClient client) =>
        [.. await Paging.AllAsync(client, "cases", "number", order: new[] { new { openedAt = "DESC" } }, pageSize: 40)];

    private static string Name(CaseStatus status) => status switch
    {
        CaseStatus.UnderReview => "UNDER_REVIEW",
        _ => string.Concat(status.ToString().Select((ch, i) => i > 0 && char.IsUpper(ch) ? "_" + ch : ch.ToString())).ToUpperInvariant(),
    };

    private static List<string> Numbers(JsonElement data) =>
        [.. data.GetProperty("cases").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("number").GetString()!)];
}

[Collection(SqliteCollection.Name)]
public sealed class CompiledPageTestsOnSqlite(SqliteHost host) : CompiledPageTests(host);

[Collection(PostgresCollection.Name)]
public sealed class CompiledPageTestsOnPostgres(PostgresHost host) : CompiledPageTests(host);
