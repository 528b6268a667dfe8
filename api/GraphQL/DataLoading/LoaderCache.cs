using System.Collections.Concurrent;

namespace PetitionGraph.Api.GraphQL.DataLoading;

/// <summary>The batch loaders of one request, by name (name includes the arguments that shape the batch).</summary>
public sealed class LoaderCache
{
    private readonly ConcurrentDictionary<string, object> _loaders = new();

    public BatchLoader<TKey, TValue> GetOrAdd<TKey, TValue>(
        string name,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch,
        TValue missing) where TKey : notnull =>
        (BatchLoader<TKey, TValue>)_loaders.GetOrAdd(name, _ => new BatchLoader<TKey, TValue>(fetch, missing));
}
