using GraphQL.DataLoader;

namespace PetitionGraph.Api.GraphQL.DataLoading;

/// <summary>
/// Collects the keys asked for while one level of the query runs, then fetches them all in one call.
/// GraphQL.NET defers every <see cref="IDataLoaderResult{T}"/> until the level's other fields have run,
/// so N parents cost one query per relation, not N. Lives for one request (which executes serially);
/// results are cached in it.
/// </summary>
public sealed class BatchLoader<TKey, TValue>(
    Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch,
    TValue missing) where TKey : notnull
{
    private readonly Dictionary<TKey, TValue> _loaded = [];
    private readonly List<TKey> _pending = [];

    public IDataLoaderResult<TValue> Load(TKey key)
    {
        if (!_loaded.ContainsKey(key) && !_pending.Contains(key))
        {
            _pending.Add(key);
        }
        return new Result(this, key);
    }

    private async Task<TValue> GetAsync(TKey key, CancellationToken cancellationToken)
    {
        if (!_loaded.ContainsKey(key) && _pending.Count > 0)
        {
            TKey[] batch = [.. _pending];
            _pending.Clear();
            var fetched = await fetch(batch, cancellationToken);
            foreach (var k in batch)
            {
                _loaded[k] = fetched.TryGetValue(k, out var v) ? v : missing;
            }
        }
        return _loaded.TryGetValue(key, out var value) ? value : missing;
    }

    private sealed class Result(BatchLoader<TKey, TValue> loader, TKey key) : IDataLoaderResult<TValue>
    {
        public Task<TValue> GetResultAsync(CancellationToken cancellationToken = default) => loader.GetAsync(key, cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}
