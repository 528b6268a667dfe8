using GraphQL;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.GraphQL.Http;

namespace PetitionGraph.Tests.GraphQL.Http;

/// <summary>The parsed-document cache holds at most its memory budget and keeps the queries in use.</summary>
public sealed class DocumentCacheTests
{
    [Fact]
    public async Task Thousands_of_distinct_large_queries_stay_within_the_budget_and_the_query_in_use_stays_cached()
    {
        const long Budget = 4L * 1024 * 1024;
        var cache = new DocumentCache(new RequestLimits { DocumentCacheBytes = Budget });
        const string Everyday = "{ cases(first: 20) { nodes { number title } } }";
        await RunAsync(cache, Everyday);
        for (var i = 0; i < 2_000; i++)
        {
            // ~15 KB each: 2,000 of them would be ~600 MB of parsed documents without a bound.
            await RunAsync(cache, "{ " + string.Concat(Enumerable.Range(0, 400).Select(k => $"a{i}_{k}: __typename ")) + "}");
            if (i % 5 == 0)
            {
                await RunAsync(cache, Everyday); // the query sent all day long keeps being used
            }
            Assert.True(cache.Bytes <= Budget + (16 * 1024 * DocumentCache.BytesPerCharacter), $"{cache.Bytes} bytes after {i} queries");
        }
        Assert.NotNull(cache.Find(Everyday));
        Assert.InRange(cache.Count, 2, 200);
    }

    [Fact]
    public async Task A_query_longer_than_the_cached_maximum_is_not_kept()
    {
        var cache = new DocumentCache(new RequestLimits());
        var query = "{ " + string.Concat(Enumerable.Range(0, 2_000).Select(k => $"a{k}: __typename ")) + "}";
        Assert.True(query.Length > DocumentCache.MaxQueryLength);
        await RunAsync(cache, query);
        Assert.Null(cache.Find(query));
        Assert.Equal(0, cache.Bytes);
    }

    private static Task<ExecutionResult> RunAsync(DocumentCache cache, string query) =>
        cache.ExecuteAsync(new ExecutionOptions { Query = query }, options => Task.FromResult(new ExecutionResult
        {
            Executed = true,
            Document = options.Document ?? GraphQLParser.Parser.Parse(options.Query!),
        }));
}
