using System.Text.Json;
using PetitionGraph.Api.Access;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.GraphQL;

/// <summary>
/// The performance shortcuts (compiled pages, hoisted lambdas, the execution strategy's property reads, cached
/// argument values) change how an answer is computed, never the answer: a second host on the same database with
/// Performance:Shortcuts=false must give byte-identical responses to every query here, paging included.
/// </summary>
public abstract class ShortcutDifferentialTests(TestHost host) : IAsyncLifetime
{
    private CustomHost _plain = null!;

    private static readonly string[] Queries =
    [
        "{ cases(first: 25, order: [{ openedAt: DESC }]) { totalCount pageInfo { hasNextPage endCursor } nodes { id number title status openedAt inBacklog overdue daysOverdue keyClass backlogSince village { name } category { code nameZh } petitioners { name idNumber } leaders { name title } petitions { level receivedAt } } } }",
        "{ cases(first: 20, where: { inBacklog: { eq: true }, village: { kind: { eq: COMMUNITY } } }, order: [{ village: { name: ASC } }, { backlogSince: DESC }]) { nodes { number backlogSince village { name } leaders { name } } } }",
        "{ cases(last: 15, where: { status: { nin: [RESOLVED, TERMINATED] } }, order: [{ nextDueAt: ASC }]) { pageInfo { hasPreviousPage startCursor } nodes { number nextDueAt overdue } } }",
        "{ cases(first: 10, where: { or: [{ petitions: { some: { level: { eq: NATIONAL } } } }, { keyClass: { lte: 2 } }] }) { totalCount nodes { number keyClass highLevelPetitionCount } } }",
        "{ cases(first: 10, order: [{ keyClass: ASC }, { number: DESC }]) { nodes { number keyClass } } }",
        "{ petitions(first: 30, where: { level: { in: [PROVINCE, NATIONAL] } }, order: [{ receivedAt: ASC }]) { totalCount nodes { receivedAt level channel peopleCount case { number petitioners { name } } } } }",
        "{ petitioners(first: 20) { nodes { id name phone address village { name } cases { number status } } } }",
        "{ leaders(first: 5) { nodes { name title cases(first: 3, where: { inBacklog: { eq: true } }) { totalCount nodes { number petitioners { name } } } assignments { role active } } } }",
        "{ villages { nodes { code name aliases cases(first: 2, order: [{ openedAt: ASC }]) { totalCount nodes { number events(first: 3) { nodes { kind at actor } } } } } } }",
        "{ categories { nodes { code nameZh cases(first: 1) { totalCount } } } }",
        "query { a: cases(first: 3) { nodes { ...c } } b: cases(first: 3, order: [{ number: ASC }]) { nodes { ...c __typename } } } fragment c on Case { number status village { name } }",
        "{ cases(first: 5) { nodes { number title @skip(if: true) status @include(if: true) plan { description } activities { kind } evaluations { result } assignments { role leader { name } } } } }",
        "{ statistics(from: \"2025-01-01\", to: \"2026-01-01\", interval: QUARTER, groupBy: [CATEGORY]) { buckets { label stock increment resolved onTimeAcceptanceRate { numerator denominator } } } stockAt(at: \"2025-06-30\", groupBy: [LEVEL]) { level stock } keyCases { keyClass count } }",
    ];

    public async Task InitializeAsync()
    {
        _plain = new CustomHost(host.Provider, host.DatabaseConnectionString, 0, new Dictionary<string, string?> { ["Performance:Shortcuts"] = "false" });
        await _plain.InitializeAsync();
    }

    public Task DisposeAsync() => _plain.DisposeAsync();

    [Fact]
    public async Task Every_query_answers_the_same_with_and_without_the_shortcuts()
    {
        Assert.False(_plain.Services.GetRequiredService<PetitionGraph.Api.Hosting.Shortcuts>().Enabled);
        foreach (var role in new[] { Role.Office, Role.Analyst })
        {
            var fast = host.ClientAs(role, "differential");
            var plain = _plain.ClientAs(role, "differential");
            foreach (var query in Queries)
            {
                for (var repeat = 0; repeat < 2; repeat++) // the second time, from the caches
                {
                    var expected = await plain.PostAsync(query);
                    var actual = await fast.PostAsync(query);
                    Assert.False(expected.HasErrors, expected.Body.GetRawText());
                    Assert.Equal(expected.Body.GetRawText(), actual.Body.GetRawText());
                }
            }
        }
    }

    [Theory]
    [InlineData("[{\"openedAt\":\"DESC\"}]")]
    [InlineData("[{\"village\":{\"name\":\"ASC\"}},{\"backlogSince\":\"DESC\"}]")]
    [InlineData("[{\"nextDueAt\":\"ASC\"}]")]
    public async Task Paging_through_every_case_gives_the_same_order_with_and_without_the_shortcuts(string order)
    {
        var sort = JsonSerializer.Deserialize<JsonElement>(order);
        var fast = await Paging.AllAsync(host.ClientAs(Role.Analyst, "differential"), "cases", "number", order: sort, pageSize: 37);
        var plain = await Paging.AllAsync(_plain.ClientAs(Role.Analyst, "differential"), "cases", "number", order: sort, pageSize: 37);
        Assert.Equal(plain, fast);
        Assert.True(fast.Count >= TestHost.SeedCases);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ShortcutDifferentialTestsOnSqlite(SqliteHost host) : ShortcutDifferentialTests(host);

[Collection(PostgresCollection.Name)]
public sealed class ShortcutDifferentialTestsOnPostgres(PostgresHost host) : ShortcutDifferentialTests(host);
