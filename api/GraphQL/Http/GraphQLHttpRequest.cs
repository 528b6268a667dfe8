using System.Text.Json;
using PetitionGraph.Api.Language;

namespace PetitionGraph.Api.GraphQL.Http;

/// <summary>The parameters of a GraphQL-over-HTTP request, checked for shape before anything executes.</summary>
public sealed record GraphQLHttpRequest(string Query, string? OperationName, JsonElement? Variables, JsonElement? Extensions)
{
    /// <summary>A persisted document's id (sha256:…) sent instead of the query text.</summary>
    public string? DocumentId { get; init; }

    public static readonly Msg QueryRequired = new("必须提供 \"query\" 参数，其值为 GraphQL 查询文本。",
        "The \"query\" parameter is required and must be a string holding a GraphQL document.");

    /// <summary>Reads a POST body's JSON object; null with a reason when it is not a well-formed request.</summary>
    public static (GraphQLHttpRequest? Request, Msg? Problem) FromJson(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, new Msg("请求正文须为含 \"query\" 字符串的 JSON 对象。", "The request body must be a JSON object with a \"query\" string."));
        }
        root.TryGetProperty("query", out var query);
        root.TryGetProperty("operationName", out var operationName);
        root.TryGetProperty("variables", out var variables);
        root.TryGetProperty("extensions", out var extensions);
        root.TryGetProperty("documentId", out var documentId);
        return Create(
            query.ValueKind == JsonValueKind.Undefined ? null : query,
            operationName.ValueKind == JsonValueKind.Undefined ? null : operationName,
            variables.ValueKind == JsonValueKind.Undefined ? null : variables,
            extensions.ValueKind == JsonValueKind.Undefined ? null : extensions,
            documentId.ValueKind == JsonValueKind.Undefined ? null : documentId);
    }

    /// <summary>Reads a GET request's URL parameters (variables and extensions are JSON text).</summary>
    public static (GraphQLHttpRequest? Request, Msg? Problem) FromQueryString(IQueryCollection parameters)
    {
        JsonElement? Json(string name)
        {
            var text = parameters[name].ToString();
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }
            try
            {
                return JsonDocument.Parse(text).RootElement.Clone();
            }
            catch (JsonException)
            {
                return JsonDocument.Parse("\"not json\"").RootElement.Clone();
            }
        }
        var query = parameters.TryGetValue("query", out var q) ? JsonSerializer.SerializeToElement(q.ToString()) : (JsonElement?)null;
        var operationName = parameters.TryGetValue("operationName", out var o) && o.ToString().Length > 0
            ? JsonSerializer.SerializeToElement(o.ToString())
            : (JsonElement?)null;
        var documentId = parameters.TryGetValue("documentId", out var d) && d.ToString().Length > 0 ? JsonSerializer.SerializeToElement(d.ToString()) : (JsonElement?)null;
        return Create(query, operationName, Json("variables"), Json("extensions"), documentId);
    }

    private static (GraphQLHttpRequest?, Msg?) Create(JsonElement? query, JsonElement? operationName, JsonElement? variables, JsonElement? extensions, JsonElement? documentId)
    {
        if (documentId is { } id)
        {
            if (id.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(id.GetString()) || query is not null)
            {
                return (null, new Msg("\"documentId\" 须为字符串，并且代替 \"query\" 发送，不能同时发送。", "\"documentId\" must be a string, sent instead of \"query\", not with it."));
            }
            var (persisted, problem) = Create(JsonSerializer.SerializeToElement("{ __typename }"), operationName, variables, extensions, null);
            return (persisted is null ? null : persisted with { Query = "", DocumentId = id.GetString() }, problem);
        }
        // An automatic persisted query (Apollo) may leave the text out and send only its hash in extensions.
        var byHash = extensions is { ValueKind: JsonValueKind.Object } x && x.TryGetProperty("persistedQuery", out _);
        if (byHash && query is null)
        {
            query = JsonSerializer.SerializeToElement("");
        }
        if (query is not { ValueKind: JsonValueKind.String } q || (!byHash && string.IsNullOrWhiteSpace(q.GetString())))
        {
            return (null, QueryRequired);
        }
        if (operationName is { } op && op.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
        {
            return (null, new Msg("\"operationName\" 参数须为字符串或 null。", "The \"operationName\" parameter must be a string or null."));
        }
        if (variables is { } v && v.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
        {
            return (null, new Msg("\"variables\" 参数须为 JSON 对象或 null。", "The \"variables\" parameter must be a JSON object or null."));
        }
        if (extensions is { } e && e.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
        {
            return (null, new Msg("\"extensions\" 参数须为 JSON 对象或 null。", "The \"extensions\" parameter must be a JSON object or null."));
        }
        return (new GraphQLHttpRequest(
            q.GetString()!,
            operationName?.ValueKind == JsonValueKind.String ? operationName.Value.GetString() : null,
            variables?.ValueKind == JsonValueKind.Object ? variables : null,
            extensions?.ValueKind == JsonValueKind.Object ? extensions : null), null);
    }
}
