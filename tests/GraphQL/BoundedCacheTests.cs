using PetitionGraph.Api.GraphQL.Relay;

namespace PetitionGraph.Tests.GraphQL;

/// <summary>The cache of compiled page shapes (CompiledPages) is bounded against endlessly varied ad-hoc queries.</summary>
public sealed class BoundedCacheTests
{
    [Fact]
    public void Once_full_it_refuses_new_keys_and_keeps_serving_the_ones_it_holds()
    {
        var cache = new BoundedCache<string, int>(3);
        var created = 0;
        int Create(string key, int offset) { created++; return key.Length + offset; }

        foreach (var key in new[] { "a", "bb", "ccc" })
        {
            Assert.True(cache.TryGetOrAdd(key, Create, 10, out var value, out var refusal));
            Assert.Equal(key.Length + 10, value);
            Assert.False(refusal);
        }
        Assert.False(cache.TryGetOrAdd("dddd", Create, 10, out _, out var first));
        Assert.True(first);
        Assert.False(cache.TryGetOrAdd("eeeee", Create, 10, out _, out var second));
        Assert.False(second); // reported once, not per lookup

        Assert.True(cache.TryGetOrAdd("bb", Create, 99, out var held, out _));
        Assert.Equal(12, held); // the cached value, not created again
        Assert.Equal(3, created);
        Assert.Equal(2, cache.Refusals);
        Assert.Equal(["a", "bb", "ccc"], cache.Entries.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Callers_racing_to_fill_it_take_it_at_most_a_few_keys_past_its_capacity()
    {
        var cache = new BoundedCache<int, int>(100);
        var workers = Enumerable.Range(0, 8).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < 1_000; i++)
            {
                cache.TryGetOrAdd(w * 1_000 + i, static (k, _) => k, 0, out _, out _);
            }
        }));
        await Task.WhenAll(workers);
        var count = cache.Entries.Count();
        Assert.InRange(count, 100, 100 + 8);
        Assert.Equal(8_000 - count, cache.Refusals);
    }

    [Fact]
    public void A_capacity_below_one_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BoundedCache<int, int>(0));
}
