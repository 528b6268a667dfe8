using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace PetitionGraph.Api.GraphQL.Relay;

/// <summary>
/// A concurrent cache that stops taking keys once it holds <see cref="Capacity"/> of them and keeps serving what it
/// holds. Callers asking at the same moment may take it a few keys past the capacity; it never grows beyond that.
/// </summary>
public sealed class BoundedCache<TKey, TValue>(int capacity) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _entries = new();
    private long _refusals;

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    public IEnumerable<KeyValuePair<TKey, TValue>> Entries => _entries;

    /// <summary>How many lookups found their key absent and the cache full.</summary>
    public long Refusals => Interlocked.Read(ref _refusals);

    /// <summary>
    /// The value cached for <paramref name="key"/>, created and cached if there is room. False when the key is absent
    /// and the cache is full; <paramref name="firstRefusal"/> is then true for the first such lookup only.
    /// </summary>
    public bool TryGetOrAdd<TState>(
        TKey key, Func<TKey, TState, TValue> create, TState state, [MaybeNullWhen(false)] out TValue value, out bool firstRefusal)
    {
        firstRefusal = false;
        if (_entries.TryGetValue(key, out value))
        {
            return true;
        }
        // Count takes every lock of the dictionary: asked only on a miss, which after warm-up is rare.
        if (_entries.Count >= Capacity)
        {
            firstRefusal = Interlocked.Increment(ref _refusals) == 1;
            return false;
        }
        value = _entries.GetOrAdd(key, create, state);
        return true;
    }
}
