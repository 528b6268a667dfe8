using System.Collections.Concurrent;
using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;
using PetitionGraph.Api.Access;

namespace PetitionGraph.Api.GraphQL.Http;

/// <summary>
/// Parsed and validated documents, by query text. District systems and reports send the same few queries over
/// and over; a cached document skips parsing and the validation rules that do not depend on variables
/// (GraphQL.NET then runs only <see cref="ExecutionOptions.CachedDocumentValidationRules"/>). Only documents that
/// passed validation are kept.
/// A request without variables whose document already passed for the same role and scopes skips the remaining rules
/// too: without variables their outcome depends on nothing else (RoleRule reads only the role and the scopes, the
/// complexity limits only the document). That was ~2.5 % of the API's CPU on the cases page (BENCHMARKS.md).
/// <para>
/// The cache is bounded by memory, not by count, and evicts the least recently used documents: a parsed document
/// takes ~19 bytes per character of its text (measured on a 52 KB query), and 2,000 distinct 52 KB queries once
/// pinned 750 MB for good while the real queries found the cache full.
/// </para>
/// </summary>
public sealed class DocumentCache(RequestLimits limits, Hosting.Shortcuts? shortcuts = null) : IConfigureExecution
{
    /// <summary>Estimated memory of a cached document per character of its query text (text, AST, validation results).</summary>
    public const int BytesPerCharacter = 20;

    /// <summary>Longer documents are one-off analyses; caching one would evict dozens of the queries sent all day.</summary>
    public const int MaxQueryLength = 16 * 1024;

    private readonly ConcurrentDictionary<string, Entry> _documents = new(StringComparer.Ordinal);
    private readonly Lock _evicting = new();
    private long _bytes;
    private long _clock;

    public float SortOrder => 300;

    /// <summary>Estimated bytes held now (for tests and the log).</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    public int Count => _documents.Count;

    public GraphQLDocument? Find(string query) => _documents.TryGetValue(query, out var entry) ? Touch(entry).Document : null;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        var query = options.Query;
        var entry = query is not null && _documents.TryGetValue(query, out var found) && (options.Document is null || ReferenceEquals(options.Document, found.Document))
            ? Touch(found)
            : null;
        var passKey = entry is not null && options.Variables is null or { Count: 0 } && shortcuts?.Enabled != false
            ? (options.OperationName, CallerKey(options.User))
            : default((string?, string)?);
        if (entry is not null)
        {
            options.Document = entry.Document;
            options.ValidationRules = options.CachedDocumentValidationRules ?? [];
            if (passKey is { } key && entry.Passed.ContainsKey(key))
            {
                options.ValidationRules = [];
                options.CachedDocumentValidationRules = [];
            }
        }
        var result = await next(options);
        if (entry is not null && passKey is { } passed && result.Executed && entry.Passed.Count < 64)
        {
            entry.Passed.TryAdd(passed, true);
        }
        if (entry is null && query is { Length: <= MaxQueryLength } && result.Executed && result.Document is not null)
        {
            Add(query, result.Document);
        }
        return result;
    }

    private void Add(string query, GraphQLDocument document)
    {
        var added = new Entry(document, (long)query.Length * BytesPerCharacter) { LastUsed = Interlocked.Increment(ref _clock) };
        if (!_documents.TryAdd(query, added))
        {
            return;
        }
        if (Interlocked.Add(ref _bytes, added.Bytes) > limits.DocumentCacheBytes)
        {
            Evict();
        }
    }

    /// <summary>Drops the least recently used documents until a quarter of the budget is free again.</summary>
    private void Evict()
    {
        if (!_evicting.TryEnter())
        {
            return; // another request is evicting already
        }
        try
        {
            var target = limits.DocumentCacheBytes * 3 / 4;
            foreach (var (query, entry) in _documents.ToArray().OrderBy(e => e.Value.LastUsed))
            {
                if (Interlocked.Read(ref _bytes) <= target)
                {
                    break;
                }
                if (_documents.TryRemove(query, out var removed))
                {
                    Interlocked.Add(ref _bytes, -removed.Bytes);
                }
            }
        }
        finally
        {
            _evicting.Exit();
        }
    }

    private Entry Touch(Entry entry)
    {
        entry.LastUsed = Interlocked.Increment(ref _clock);
        return entry;
    }

    private static string CallerKey(System.Security.Claims.ClaimsPrincipal? user) =>
        Caller.From(user) is { } caller ? Data.EnumNames.Name(caller.Role) + "|" + string.Join(' ', caller.Scopes) : "";

    private sealed class Entry(GraphQLDocument document, long bytes)
    {
        public GraphQLDocument Document { get; } = document;
        public long Bytes { get; } = bytes;
        public long LastUsed { get; set; }

        /// <summary>Operation and caller kinds this document passed every rule for, without variables.</summary>
        public ConcurrentDictionary<(string? Operation, string Caller), bool> Passed { get; } = new();
    }
}
