using GraphQL;
using PetitionGraph.Api.GraphQL;

namespace PetitionGraph.Api.Access;

/// <summary>
/// The personal data one request has read (to audit) or masked (to explain in <c>extensions</c>). Every personal
/// field resolves through <see cref="Resolve"/>, so masking and auditing happen in one place for every path.
/// </summary>
public sealed class PersonalDataReads
{
    // Resolvers may run in parallel (mutations' payloads, DataLoader continuations): one lock, held for a set insert.
    private readonly Lock _lock = new();
    private readonly HashSet<(int PetitionerId, string Field)> _read = [];
    private readonly HashSet<string> _masked = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<int, IReadOnlyList<string>> Read
    {
        get
        {
            lock (_lock)
            {
                return _read.GroupBy(r => r.PetitionerId)
                    .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(r => r.Field).Order(StringComparer.Ordinal)]);
            }
        }
    }

    public IReadOnlyList<string> Masked
    {
        get
        {
            lock (_lock)
            {
                return [.. _masked.Order(StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Records an unmasked read made outside a petitioner field (a ledger export).</summary>
    public void Record(int petitionerId, params string[] fields)
    {
        lock (_lock)
        {
            foreach (var field in fields)
            {
                _read.Add((petitionerId, field));
            }
        }
    }

    public void RecordMasked(params string[] fields)
    {
        lock (_lock)
        {
            _masked.UnionWith(fields);
        }
    }

    public static string? Resolve(IResolveFieldContext context, int petitionerId, string field, string? value, Func<string, string>? mask = null)
    {
        if (value is null)
        {
            return null;
        }
        var reads = context.RequestServices!.GetRequiredService<PersonalDataReads>();
        if (context.Scope().Caller?.MayReadPersonalData == true)
        {
            lock (reads._lock)
            {
                reads._read.Add((petitionerId, field));
            }
            return value;
        }
        lock (reads._lock)
        {
            reads._masked.Add(field);
        }
        return mask?.Invoke(value);
    }
}
