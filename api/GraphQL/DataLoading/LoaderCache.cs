using System.Collections.Concurrent;

namespace PetitionGraph.Api.GraphQL.DataLoading;

/// <summary>The batch loaders of one request, by name (the name includes what shapes the batch: arguments, columns).</summary>
public sealed class LoaderCache
{
    private readonly ConcurrentDictionary<string, IPendingBatch> _loaders = new();
    private readonly ConcurrentDictionary<(object, Type), object> _memo = new();
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<int, object>> _preloaded = new();

    /// <summary>Values a loader will find already loaded (read in a parent's statement, see Projection.Fold).</summary>
    public void Preload(string name, IReadOnlyDictionary<int, object> values) => _preloaded[name] = values;

    /// <summary>
    /// Work done once per request for a key rather than once per parent (a nested field is resolved for every
    /// parent of its level, with the same arguments).
    /// </summary>
    public T Memo<T>(object key, Func<T> create) where T : notnull =>
        (T)_memo.GetOrAdd((key, typeof(T)), _ => create());

    /// <summary>
    /// <see cref="Memo{T}(object, Func{T})"/> for the per-row path: with a static <paramref name="create"/> and its
    /// inputs passed as <paramref name="state"/>, a call that finds the value allocates nothing.
    /// </summary>
    public T Memo<TState, T>(object key, TState state, Func<TState, T> create) where T : notnull =>
        (T)_memo.GetOrAdd((key, typeof(T)), static (_, arg) => arg.create(arg.state), (state, create));

    public BatchLoader<TKey, TValue> GetOrAdd<TKey, TValue>(
        string name,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch,
        TValue missing) where TKey : notnull =>
        (BatchLoader<TKey, TValue>)_loaders.GetOrAdd(name, _ =>
        {
            var loader = new BatchLoader<TKey, TValue>(name, this, fetch, missing);
            if (_preloaded.TryGetValue(name, out var values) && values is IReadOnlyDictionary<int, object> byId && typeof(TKey) == typeof(int))
            {
                loader.Seed(byId.Select(p => ((TKey)(object)p.Key, (TValue)p.Value)));
            }
            return loader;
        });

    /// <summary>Starts the fetch of every loader with waiting keys, together, and waits for them all.</summary>
    public Task DispatchAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_loaders.Values.Where(l => l.HasPending).Select(l => l.FetchPendingAsync(cancellationToken)));
}
