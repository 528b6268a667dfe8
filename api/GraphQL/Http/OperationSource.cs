using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GraphQLParser.AST;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.GraphQL.Errors;
using PetitionGraph.Api.Language;

namespace PetitionGraph.Api.GraphQL.Http;

/// <summary>
/// Where a request's document text comes from — the text itself, a persisted document's id (<c>documentId</c>), or an
/// Apollo automatic persisted query (<c>extensions.persistedQuery.sha256Hash</c>) — and whether the caller may send it.
/// Shared by HTTP and WebSocket, so both follow one rule: an integration client runs only the persisted documents of
/// schema/operations (by id, by hash, or by their exact text) and introspection.
/// </summary>
public sealed class OperationSource(PersistedDocuments persisted, AutomaticPersistedQueries automatic)
{
    public const string PersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND";
    public const string PersistedQueryNotSupported = "PERSISTED_QUERY_NOT_SUPPORTED";

    /// <summary>The text to execute, or a refusal (HTTP status, code, message).</summary>
    public Resolution Resolve(Caller caller, string? query, string? documentId, JsonElement? extensions)
    {
        if (documentId is not null)
        {
            return persisted.Find(documentId) is { } text
                ? Resolution.Run(text)
                : Resolution.Refuse(StatusCodes.Status400BadRequest, ErrorCodes.PersistedDocumentNotFound,
                    new Msg($"没有已登记的查询文档“{documentId}”；编号是 schema/operations/ 中文件的 sha256:<hex>。",
                        $"There is no persisted document '{documentId}'; ids are sha256:<hex> of the files in schema/operations/."));
        }
        if (AutomaticHash(extensions) is { } apq)
        {
            if (apq.Problem is { } problem)
            {
                return Resolution.Refuse(StatusCodes.Status400BadRequest, PersistedQueryNotSupported, problem);
            }
            var hash = apq.Hash!;
            if (string.IsNullOrEmpty(query))
            {
                var known = persisted.Find("sha256:" + hash) ?? automatic.Find(hash);
                return known is null
                    // Apollo's protocol: the client sends the text with the hash next; the message is the one its links look for.
                    ? Resolution.Refuse(StatusCodes.Status200OK, PersistedQueryNotFound, new Msg("PersistedQueryNotFound", "PersistedQueryNotFound"))
                    : Allowed(caller, known);
            }
            if (!string.Equals(Sha256(query), hash, StringComparison.Ordinal))
            {
                // Apollo's own wording, in both languages: its clients look for it.
                return Resolution.Refuse(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, new Msg("provided sha does not match query", "provided sha does not match query"));
            }
            var allowed = Allowed(caller, query);
            if (allowed.Text is not null)
            {
                automatic.Remember(hash, query);
            }
            return allowed;
        }
        return string.IsNullOrEmpty(query)
            ? Resolution.Refuse(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, GraphQLHttpRequest.QueryRequired)
            : Allowed(caller, query);
    }

    private Resolution Allowed(Caller caller, string text) =>
        caller.Role != Role.Integration || persisted.Find("sha256:" + Sha256(text)) is not null || IsIntrospection(text)
            ? Resolution.Run(text)
            : Resolution.Refuse(StatusCodes.Status403Forbidden, ErrorCodes.PersistedDocumentRequired,
                new Msg("对接系统只能运行 schema/operations/ 中登记的查询文档（发送 \"documentId\": \"sha256:…\"、其哈希或原文）和内省查询。",
                    "Integration clients run the persisted documents of schema/operations/ (send \"documentId\": \"sha256:…\", their hash, or their exact text) and introspection."));

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static (string? Hash, Msg? Problem)? AutomaticHash(JsonElement? extensions)
    {
        if (extensions is not { ValueKind: JsonValueKind.Object } e || !e.TryGetProperty("persistedQuery", out var pq))
        {
            return null;
        }
        if (pq.ValueKind != JsonValueKind.Object || !pq.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number
            || !version.TryGetInt32(out var v) || v != 1)
        {
            return (null, new Msg("extensions.persistedQuery 须为 { \"version\": 1, \"sha256Hash\": \"<64 位十六进制>\" }。",
                "extensions.persistedQuery must be { \"version\": 1, \"sha256Hash\": \"<64 hex digits>\" }."));
        }
        if (!pq.TryGetProperty("sha256Hash", out var hash) || hash.ValueKind != JsonValueKind.String
            || hash.GetString() is not { Length: 64 } text || !text.All(char.IsAsciiHexDigitLower))
        {
            return (null, new Msg("extensions.persistedQuery.sha256Hash 须为查询文本 SHA-256 的 64 位小写十六进制。",
                "extensions.persistedQuery.sha256Hash must be the 64 lower-case hex digits of the query's SHA-256."));
        }
        return (text, null);
    }

    /// <summary>Whether every operation of the document only asks about the schema (__schema, __type, __typename).</summary>
    public static bool IsIntrospection(string text)
    {
        var document = DocumentGuard.TryParse(text).Document;
        if (document is null)
        {
            return false;
        }
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>().ToDictionary(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal);
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        return operations.Count > 0 && operations.All(o => o.Operation == OperationType.Query && OnlySchema(o.SelectionSet, fragments, 0));
    }

    private static bool OnlySchema(GraphQLSelectionSet set, Dictionary<string, GraphQLFragmentDefinition> fragments, int depth) =>
        depth < 8 && set.Selections.All(selection => selection switch
        {
            GraphQLField field => field.Name.StringValue is "__schema" or "__type" or "__typename",
            GraphQLInlineFragment inline => OnlySchema(inline.SelectionSet, fragments, depth + 1),
            GraphQLFragmentSpread spread => fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var f) && OnlySchema(f.SelectionSet, fragments, depth + 1),
            _ => false,
        });

    public sealed record Resolution(string? Text, int Status, string? Code, Msg? Message)
    {
        public static Resolution Run(string text) => new(text, StatusCodes.Status200OK, null, null);

        public static Resolution Refuse(int status, string code, Msg message) => new(null, status, code, message);
    }
}

/// <summary>
/// Query texts clients registered by hash (Apollo's automatic persisted queries): at most <see cref="Capacity"/>, the
/// least recently used dropped first. Per instance — a client that meets an instance without its text gets
/// PERSISTED_QUERY_NOT_FOUND and sends the text, as the protocol intends.
/// </summary>
public sealed class AutomaticPersistedQueries
{
    public const int Capacity = 2000;
    public const int MaxTextLength = 100_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<(string Hash, string Text)>> _byHash = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Hash, string Text)> _order = new();

    public string? Find(string hash)
    {
        lock (_lock)
        {
            if (!_byHash.TryGetValue(hash, out var node))
            {
                return null;
            }
            _order.Remove(node);
            _order.AddFirst(node);
            return node.Value.Text;
        }
    }

    public void Remember(string hash, string text)
    {
        if (text.Length > MaxTextLength)
        {
            return;
        }
        lock (_lock)
        {
            if (_byHash.ContainsKey(hash))
            {
                return;
            }
            _byHash[hash] = _order.AddFirst((hash, text));
            if (_byHash.Count > Capacity)
            {
                _byHash.Remove(_order.Last!.Value.Hash);
                _order.RemoveLast();
            }
        }
    }
}
