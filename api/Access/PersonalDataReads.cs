using System.Collections.Concurrent;
using GraphQL;
using PetitionGraph.Api.GraphQL;

namespace PetitionGraph.Api.Access;

/// <summary>
/// The personal data one request has read (to audit) or masked (to explain in <c>extensions</c>). Every personal
/// field resolves through <see cref="Resolve"/>, so masking and auditing happen in one place for every path.
/// </summary>
public sealed class PersonalDataReads
{
    private readonly ConcurrentDictionary<int, ConcurrentDictionary<string, bool>> _read = new();
    private readonly ConcurrentDictionary<string, bool> _masked = new();

    public IReadOnlyDictionary<int, IReadOnlyList<string>> Read =>
        _read.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)[.. e.Value.Keys.Order(StringComparer.Ordinal)]);

    public IReadOnlyList<string> Masked => [.. _masked.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Records an unmasked read made outside a petitioner field (a ledger export).</summary>
    public void Record(int petitionerId, params string[] fields)
    {
        foreach (var field in fields)
        {
            _read.GetOrAdd(petitionerId, _ => new())[field] = true;
        }
    }

    public void RecordMasked(params string[] fields)
    {
        foreach (var field in fields)
        {
            _masked[field] = true;
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
            reads._read.GetOrAdd(petitionerId, _ => new())[field] = true;
            return value;
        }
        reads._masked[field] = true;
        return mask?.Invoke(value);
    }
}
