using GraphQL.DataLoader;

namespace PetitionGraph.Api.GraphQL.DataLoading;

/// <summary>A loader with keys waiting: the dispatcher starts every such loader's fetch at once.</summary>
public interface IPendingBatch
{
    bool HasPending { get; }

    Task FetchPendingAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Collects the keys asked for while one level of the query runs, then fetches them all in one call.
/// GraphQL.NET defers every <see cref="IDataLoaderResult{T}"/> until the level's other fields have run, so N
/// parents cost one query per relation, not N; and the first result awaited starts the fetches of all loaders of
/// the level together (<see cref="LoaderCache.DispatchAsync"/>), so their round trips overlap. Lives for one request.
/// </summary>
public sealed class BatchLoader<TKey, TValue>(
    string name,
    LoaderCache cache,
    Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch,
    TValue missing) : IPendingBatch where TKey : notnull
{
    private readonly Dictionary<TKey, TValue> _loaded = [];
    private readonly List<TKey> _pending = [];
    private readonly Lock _lock = new();
    private Task _inFlight = Task.CompletedTask;

    public bool HasPending
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count > 0;
            }
        }
    }

    public void Seed(IEnumerable<(TKey Key, TValue Value)> values)
    {
        lock (_lock)
        {
            foreach (var (key, value) in values)
            {
                _loaded[key] = value;
            }
        }
    }

    public IDataLoaderResult<TValue> Load(TKey key)
    {
        lock (_lock)
        {
            if (!_loaded.ContainsKey(key) && !_pending.Contains(key))
            {
                _pending.Add(key);
            }
        }
        return new Result(this, key);
    }

    public Task FetchPendingAsync(CancellationToken cancellationToken)
    {
        TKey[] batch;
        lock (_lock)
        {
            if (_pending.Count == 0)
            {
                return _inFlight;
            }
            batch = [.. _pending];
            _pending.Clear();
            _inFlight = FetchAsync(batch, _inFlight, cancellationToken);
            return _inFlight;
        }
    }

    private async Task FetchAsync(TKey[] batch, Task previous, CancellationToken cancellationToken)
    {
        await previous;
        // A span per batch (nothing at all when no one traces): its SQL statements are its children.
        using var span = Hosting.Telemetry.Source.StartActivity("loader " + name);
        span?.SetTag("petitiongraph.loader.keys", batch.Length);
        var fetched = await fetch(batch, cancellationToken);
        lock (_lock)
        {
            foreach (var k in batch)
            {
                _loaded[k] = fetched.TryGetValue(k, out var v) ? v : missing;
            }
        }
    }

    private async Task<TValue> GetAsync(TKey key, CancellationToken cancellationToken)
    {
        bool needed;
        lock (_lock)
        {
            needed = !_loaded.ContainsKey(key);
        }
        if (needed)
        {
            await cache.DispatchAsync(cancellationToken);
            await _inFlight;
        }
        lock (_lock)
        {
            return _loaded.TryGetValue(key, out var value) ? value : missing;
        }
    }

    private sealed class Result(BatchLoader<TKey, TValue> loader, TKey key) : IDataLoaderResult<TValue>
    {
        public Task<TValue> GetResultAsync(CancellationToken cancellationToken = default) => loader.GetAsync(key, cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}
