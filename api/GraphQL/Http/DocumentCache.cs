using System.Collections.Concurrent;
using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;

namespace PetitionGraph.Api.GraphQL.Http;

/// <summary>
/// Parsed and validated documents, by query text. District systems and reports send the same few queries over
/// and over; a cached document skips parsing and the validation rules that do not depend on variables
/// (GraphQL.NET then runs only <see cref="ExecutionOptions.CachedDocumentValidationRules"/>). Bounded in
/// entries and query length; only documents that passed validation are kept.
/// A request without variables whose document already passed for the same role and scopes skips the remaining rules
/// too: without variables their outcome depends on nothing else (RoleRule reads only the role and the scopes, the
/// complexity limits only the document). That was ~2.5 % of the API's CPU on the cases page (BENCHMARKS.md).
/// </summary>
public sealed class DocumentCache : IConfigureExecution
{
    private const int MaxEntries = 2_000;
    private const int MaxQueryLength = 64 * 1024;
    private readonly ConcurrentDictionary<string, GraphQLDocument> _documents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Query, string? Operation, string Caller), bool> _passed = new();

    public float SortOrder => 300;

    public GraphQLDocument? Find(string query) => _documents.TryGetValue(query, out var document) ? document : null;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        var query = options.Query;
        var cached = query is not null && Find(query) is { } document && (options.Document is null || ReferenceEquals(options.Document, document));
        var passKey = cached && options.Variables is null or { Count: 0 }
            ? (query!, options.OperationName, CallerKey(options.User))
            : default((string, string?, string)?);
        if (cached)
        {
            options.Document = Find(query!);
            options.ValidationRules = options.CachedDocumentValidationRules ?? [];
            if (passKey is { } key && _passed.ContainsKey(key))
            {
                options.ValidationRules = [];
                options.CachedDocumentValidationRules = [];
            }
        }
        var result = await next(options);
        if (passKey is { } passed && result.Executed && _passed.Count < MaxEntries)
        {
            _passed.TryAdd(passed, true);
        }
        if (!cached && query is { Length: <= MaxQueryLength } && result.Executed && result.Document is not null && _documents.Count < MaxEntries)
        {
            _documents.TryAdd(query, result.Document);
        }
        return result;
    }

    private static string CallerKey(System.Security.Claims.ClaimsPrincipal? user) =>
        Access.Caller.From(user) is { } caller ? Data.EnumNames.Name(caller.Role) + "|" + string.Join(' ', caller.Scopes) : "";
}
