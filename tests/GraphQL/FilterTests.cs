using System.Text.RegularExpressions;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Leaders;
using PetitionGraph.Api.Petitions;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.GraphQL;

/// <summary>
/// Every filter operator, checked against the same predicate evaluated in memory over all cases,
/// and random combinations of them (and/or/not, nested relations, quantifiers) as a property test.
/// </summary>
public abstract class FilterTests(TestHost host)
{
    private static readonly DateTime Cut = new(2022, 6, 30, 16, 0, 0, DateTimeKind.Utc); // 2022-07-01 00:00 office time

    /// <summary>Atomic filters: the where input an analyst would send, and what it must mean.</summary>
    private static readonly (string Name, object Where, Func<Case, bool> Means)[] Atoms =
    [
        ("status eq", new { status = new { eq = "RESOLVED" } }, c => c.Status == CaseStatus.Resolved),
        ("status in", new { status = new { @in = new[] { "ACCEPTED", "REGISTERED" } } }, c => c.Status is CaseStatus.Accepted or CaseStatus.Registered),
        ("status nin", new { status = new { nin = new[] { "RESOLVED" } } }, c => c.Status != CaseStatus.Resolved),
        ("openedAt gte office date", new { openedAt = new { gte = "2022-07-01" } }, c => c.OpenedAt >= Cut),
        ("openedAt lt with offset", new { openedAt = new { lt = "2022-07-01T00:00:00+08:00" } }, c => c.OpenedAt < Cut),
        ("concludedAt is null", new { concludedAt = new { eq = (string?)null } }, c => c.ConcludedAt is null),
        ("concludedAt not null", new { concludedAt = new { neq = (string?)null } }, c => c.ConcludedAt is not null),
        ("petitionCount gt", new { petitionCount = new { gt = 2 } }, c => c.PetitionCount > 2),
        ("keyClass in", new { keyClass = new { @in = new[] { 1, 2, 3 } } }, c => KeyClassRules.Default.At(c, TestHost.Now.UtcDateTime) is 1 or 2 or 3),
        ("keyClass 4 (time-dependent)", new { keyClass = new { eq = 4 } }, c => KeyClassRules.Default.At(c, TestHost.Now.UtcDateTime) == 4),
        ("keyClass none", new { keyClass = new { eq = (int?)null } }, c => KeyClassRules.Default.At(c, TestHost.Now.UtcDateTime) is null),
        ("title contains", new { title = new { contains = "拖欠" } }, c => c.Title.Contains("拖欠", StringComparison.Ordinal)),
        ("number startsWith", new { number = new { startsWith = "2021-" } }, c => c.Number.StartsWith("2021-", StringComparison.Ordinal)),
        ("demand ncontains", new { demand = new { ncontains = "要求" } }, c => !c.Demand.Contains("要求", StringComparison.Ordinal)),
        ("inBacklog now", new { inBacklog = new { eq = true } }, c => c.InBacklogAt(TestHost.Now.UtcDateTime)),
        ("category code", new { category = new { code = new { eq = "LAND" } } }, c => c.Category!.Code == "LAND"),
        ("village name endsWith", new { village = new { name = new { endsWith = "社区" } } }, c => c.Village!.Name.EndsWith("社区", StringComparison.Ordinal)),
        ("petitioners some", new { petitioners = new { some = new { name = new { startsWith = "李" } } } }, c => c.Petitioners.Any(p => p.Petitioner!.Name.StartsWith('李'))),
        ("petitions some national", new { petitions = new { some = new { level = new { eq = "NATIONAL" } } } }, c => c.Petitions.Any(p => p.Level == PetitionLevel.National)),
        ("petitions all town", new { petitions = new { all = new { level = new { eq = "TOWN" } } } }, c => c.Petitions.All(p => p.Level == PetitionLevel.Town)),
        ("petitions none visit", new { petitions = new { none = new { channel = new { eq = "VISIT" } } } }, c => c.Petitions.All(p => p.Channel != Channel.Visit)),
        ("assignments any", new { assignments = new { any = true } }, c => c.Assignments.Count > 0),
        ("town lead active", new { assignments = new { some = new { role = new { eq = "TOWN_LEAD" }, active = new { eq = true } } } },
            c => c.Assignments.Any(a => a.Role == AssignmentRole.TownLead && (a.To is null || a.To > TestHost.Now.UtcDateTime))),
        ("events some designated", new { events = new { some = new { kind = new { eq = "DESIGNATED_BACKLOG" } } } }, c => c.Events.Any(e => e.Kind == CaseEventKind.DesignatedBacklog)),
    ];

    public static TheoryData<int> AtomIndexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Atoms.Length; i++)
        {
            data.Add(i);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AtomIndexes))]
    public async Task Each_operator_selects_exactly_the_matching_cases(int atom)
    {
        var (name, where, means) = Atoms[atom];
        var cases = await CaseOracle.LoadAsync(host);
        var expected = cases.Where(means).OrderBy(c => c.Id).Select(c => c.Number).ToList();
        var actual = await Paging.AllAsync(host.Client, "cases", "number", where);
        Assert.True(expected.SequenceEqual(actual), $"{name}: expected {expected.Count} cases, got {actual.Count}");
    }

    [Fact]
    public async Task Random_combinations_with_and_or_not_agree_with_the_reference()
    {
        var cases = await CaseOracle.LoadAsync(host);
        var random = new Random(20261127);
        for (var round = 0; round < 40; round++)
        {
            var (where, means, text) = RandomFilter(random, depth: 3);
            var expected = cases.Where(means).OrderBy(c => c.Id).Select(c => c.Number).ToList();
            var actual = await Paging.AllAsync(host.Client, "cases", "number", where);
            Assert.True(expected.SequenceEqual(actual), $"round {round}: {text}: expected {expected.Count}, got {actual.Count}");
        }
    }

    [Fact]
    public async Task Filters_become_SQL_predicates_not_in_memory_filtering()
    {
        host.Sql.Clear();
        await host.Client.QueryAsync("""{ petitioners(where: { name: { startsWith: "李" } }, first: 5) { nodes { name } } }""");
        var select = Assert.Single(host.Sql.Commands, c => Regex.IsMatch(c, "FROM \"?petitioners\"?"));
        var where = select[select.IndexOf("WHERE", StringComparison.Ordinal)..];
        Assert.Matches("\\.\"?name\"?", where);
        Assert.Contains("LIMIT", select, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nested_lists_take_the_same_filters()
    {
        var cases = await CaseOracle.LoadAsync(host);
        var data = await host.Client.QueryAsync("""
            { villages(first: 100) { nodes { name cases(where: { status: { eq: RESOLVED } }, first: 100) { totalCount nodes { number } } } } }
            """);
        foreach (var village in data.GetProperty("villages").GetProperty("nodes").EnumerateArray())
        {
            var name = village.GetProperty("name").GetString();
            var expected = cases.Where(c => c.Village!.Name == name && c.Status == CaseStatus.Resolved).OrderBy(c => c.Id).Select(c => c.Number).ToList();
            var connection = village.GetProperty("cases");
            Assert.Equal(expected.Count, connection.GetProperty("totalCount").GetInt32());
            Assert.Equal(expected, connection.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("number").GetString()!).ToList());
        }
    }

    private static (object Where, Func<Case, bool> Means, string Text) RandomFilter(Random random, int depth)
    {
        var roll = random.Next(depth <= 0 ? 1 : 5);
        switch (roll)
        {
            case 0:
                var (name, where, means) = Atoms[random.Next(Atoms.Length)];
                return (where, means, name);
            case 1:
            case 2:
                var parts = Enumerable.Range(0, random.Next(1, 4)).Select(_ => RandomFilter(random, depth - 1)).ToList();
                var isAnd = roll == 1;
                Func<Case, bool> combined = isAnd ? c => parts.All(p => p.Means(c)) : c => parts.Any(p => p.Means(c));
                var text = $"{(isAnd ? "and" : "or")}({string.Join(", ", parts.Select(p => p.Text))})";
                return (isAnd ? new { and = parts.Select(p => p.Where).ToArray() } : new { or = parts.Select(p => p.Where).ToArray() }, combined, text);
            case 3:
                var inner = RandomFilter(random, depth - 1);
                return (new { not = inner.Where }, c => !inner.Means(c), $"not({inner.Text})");
            default:
                // Two fields in one object: both must match.
                var a = Atoms[random.Next(Atoms.Length)];
                var b = RandomFilter(random, depth - 1);
                return (new { and = new[] { a.Where, b.Where } }, c => a.Means(c) && b.Means(c), $"{a.Name} & {b.Text}");
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class FilterTestsOnSqlite(SqliteHost host) : FilterTests(host);

[Collection(PostgresCollection.Name)]
public sealed class FilterTestsOnPostgres(PostgresHost host) : FilterTests(host);
