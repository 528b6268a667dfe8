using System.Collections.Concurrent;
using GraphQLParser.AST;

namespace PetitionGraph.Api.GraphQL.DataLoading;

/// <summary>The batch loaders of one request, by name (the name includes what shapes the batch: arguments, columns).</summary>
public sealed class LoaderCache
{
    private readonly ConcurrentDictionary<string, IPendingBatch> _loaders = new();
    private readonly ConcurrentDictionary<(object, Type), object> _memo = new();
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<int, object>> _preloaded = new();
    private readonly ConcurrentDictionary<(GraphQLField, object), object> _byField = new();

    /// <summary>Values a loader will find already loaded (read in a parent's statement, see Projection.Fold).</summary>
    public void Preload(string name, IReadOnlyDictionary<int, object> values) => _preloaded[name] = values;

    /// <summary>
    /// Work done once per request for a key rather than once per parent (a nested field is resolved for every
    /// parent of its level, with the same arguments).
    /// </summary>
    public T Memo<T>(object key, Func<T> create) where T : notnull =>
        (T)_memo.GetOrAdd((key, typeof(T)), _ => create());

    public BatchLoader<TKey, TValue> GetOrAdd<TKey, TValue>(
        string name,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch,
        TValue missing) where TKey : notnull =>
        (BatchLoader<TKey, TValue>)_loaders.GetOrAdd(name, _ =>
        {
            var loader = new BatchLoader<TKey, TValue>(this, fetch, missing);
            if (_preloaded.TryGetValue(name, out var values) && values is IReadOnlyDictionary<int, object> byId && typeof(TKey) == typeof(int))
            {
                loader.Seed(byId.Select(p => ((TKey)(object)p.Key, (TValue)p.Value)));
            }
            return loader;
        });

    /// <summary>
    /// The loader a field of the document (for one item type) used for the previous parent. A field of a list is
    /// resolved once per parent; finding its loader this way skips rebuilding the loader's name for every row.
    /// </summary>
    public BatchLoader<TKey, TValue>? ForField<TKey, TValue>(GraphQLField field, object discriminator) where TKey : notnull =>
        _byField.TryGetValue((field, discriminator), out var loader) ? (BatchLoader<TKey, TValue>)loader : null;

    public BatchLoader<TKey, TValue> RememberForField<TKey, TValue>(GraphQLField field, object discriminator, BatchLoader<TKey, TValue> loader)
        where TKey : notnull
    {
        _byField[(field, discriminator)] = loader;
        return loader;
    }

    /// <summary>Starts the fetch of every loader with waiting keys, together, and waits for them all.</summary>
    public Task DispatchAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_loaders.Values.Where(l => l.HasPending).Select(l => l.FetchPendingAsync(cancellationToken)));
}
