using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Data;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.GraphQL;

/// <summary>Keyset paging visits every row exactly once, in the requested order, forwards and backwards.</summary>
public abstract class PagingTests(TestHost host)
{
    public static TheoryData<string, int> Orders() => new()
    {
        { "none", 100 },
        { "openedAt-desc", 37 },
        { "concludedAt-asc", 50 },
        { "concludedAt-desc", 23 },
        { "village.name-asc,number-desc", 41 },
        { "keyClass-asc,petitionCount-desc", 19 },
        { "title-asc", 64 },
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task Paging_forward_visits_every_case_once_in_order(string order, int pageSize)
    {
        var (spec, expected) = await ExpectedAsync(order);
        var actual = await Paging.AllAsync(host.Client, "cases", "number", order: spec, pageSize: pageSize);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task Paging_backward_visits_every_case_once_in_order(string order, int pageSize)
    {
        var (spec, expected) = await ExpectedAsync(order);
        var actual = await Paging.AllBackwardAsync(host.Client, "cases", "number", spec, pageSize);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task A_page_reports_its_neighbours_and_the_total()
    {
        var first = await host.Client.QueryAsync("{ cases(first: 5) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { number } } } }");
        var cases = first.GetProperty("cases");
        Assert.Equal(await CaseCountAsync(), cases.GetProperty("totalCount").GetInt32());
        var info = cases.GetProperty("pageInfo");
        Assert.True(info.GetProperty("hasNextPage").GetBoolean());
        Assert.False(info.GetProperty("hasPreviousPage").GetBoolean());
        var edges = cases.GetProperty("edges").EnumerateArray().ToList();
        Assert.Equal(5, edges.Count);
        Assert.Equal(edges[0].GetProperty("cursor").GetString(), info.GetProperty("startCursor").GetString());
        Assert.Equal(edges[^1].GetProperty("cursor").GetString(), info.GetProperty("endCursor").GetString());

        var next = await host.Client.QueryAsync("query($after: String) { cases(first: 5, after: $after) { pageInfo { hasPreviousPage } nodes { number } } }",
            new { after = info.GetProperty("endCursor").GetString() });
        Assert.True(next.GetProperty("cases").GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
    }

    [Fact]
    public async Task Zero_items_is_an_empty_page_with_the_total()
    {
        var data = await host.Client.QueryAsync("{ cases(first: 0) { totalCount nodes { number } pageInfo { hasNextPage } } }");
        Assert.Empty(data.GetProperty("cases").GetProperty("nodes").EnumerateArray());
        Assert.Equal(await CaseCountAsync(), data.GetProperty("cases").GetProperty("totalCount").GetInt32());
    }

    private async Task<int> CaseCountAsync()
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<PetitionDbContext>().Cases.CountAsync();
    }

    private async Task<(object? Spec, List<string> Numbers)> ExpectedAsync(string order)
    {
        await using var scope = host.Scope();
        var cases = scope.ServiceProvider.GetRequiredService<PetitionDbContext>().Cases;
        var (spec, query) = order switch
        {
            "none" => ((object?)null, (IQueryable<Case>)cases.OrderBy(c => c.Id)),
            "openedAt-desc" => (new[] { new { openedAt = "DESC" } }, cases.OrderByDescending(c => c.OpenedAt).ThenBy(c => c.Id)),
            "concludedAt-asc" => (new[] { new { concludedAt = "ASC" } }, NullsLast(cases, c => c.ConcludedAt, false)),
            "concludedAt-desc" => (new[] { new { concludedAt = "DESC" } }, NullsLast(cases, c => c.ConcludedAt, true)),
            "village.name-asc,number-desc" => (new object[] { new { village = new { name = "ASC" } }, new { number = "DESC" } },
                cases.OrderBy(c => c.Village!.Name).ThenByDescending(c => c.Number).ThenBy(c => c.Id)),
            "keyClass-asc,petitionCount-desc" => (new object[] { new { keyClass = "ASC" }, new { petitionCount = "DESC" } },
                KeyClassFirst(cases).ThenByDescending(c => c.PetitionCount).ThenBy(c => c.Id)),
            "title-asc" => (new[] { new { title = "ASC" } }, cases.OrderBy(c => c.Title).ThenBy(c => c.Id)),
            _ => throw new ArgumentOutOfRangeException(nameof(order)),
        };
        return (spec, await query.Select(c => c.Number).ToListAsync());
    }

    /// <summary>The key class is computed in SQL at the request's instant; the oracle orders by the same rule.</summary>
    private static IOrderedQueryable<Case> KeyClassFirst(IQueryable<Case> cases)
    {
        var key = KeyClassRules.Default.AsOf(TestHost.Now.UtcDateTime);
        var isNull = Expression.Lambda<Func<Case, bool>>(Expression.Equal(key.Body, Expression.Constant(null, typeof(int?))), key.Parameters);
        return cases.OrderBy(isNull).ThenBy(key);
    }

    private static IQueryable<Case> NullsLast<TKey>(IQueryable<Case> cases, Expression<Func<Case, TKey>> key, bool descending)
    {
        var nullsLast = cases.OrderBy(Expression.Lambda<Func<Case, bool>>(
            Expression.Equal(key.Body, Expression.Constant(null, typeof(TKey))), key.Parameters));
        return (descending ? nullsLast.ThenByDescending(key) : nullsLast.ThenBy(key)).ThenBy(c => c.Id);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PagingTestsOnSqlite(SqliteHost host) : PagingTests(host);

[Collection(PostgresCollection.Name)]
public sealed class PagingTestsOnPostgres(PostgresHost host) : PagingTests(host);
