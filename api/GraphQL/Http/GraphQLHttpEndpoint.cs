using System.Text.Json;
using GraphQL;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using PetitionGraph.Api.GraphQL.Errors;

namespace PetitionGraph.Api.GraphQL.Http;

/// <summary>
/// GraphQL over HTTP (the GraphQL Foundation's specification): POST application/json, GET for queries only,
/// application/graphql-response+json when the client accepts it, and the specification's status codes.
/// </summary>
public sealed class GraphQLHttpEndpoint(IDocumentExecuter<PetitionSchema> executer, IGraphQLTextSerializer serializer, DocumentCache documents)
{
    public const string Path = "/graphql";

    public async Task HandleAsync(HttpContext http)
    {
        var mediaType = MediaTypes.Negotiate(http.Request.Headers.Accept.ToArray()!);
        if (mediaType is null)
        {
            await WriteProblemAsync(http, StatusCodes.Status406NotAcceptable, MediaTypes.Json,
                $"Accept {MediaTypes.GraphQLResponse} or {MediaTypes.Json} (UTF-8).");
            return;
        }
        var (request, problem, status) = await ReadAsync(http);
        if (request is null)
        {
            await WriteProblemAsync(http, status, mediaType, problem!);
            return;
        }
        // GET must be refused for mutations before anything runs, so GET needs the document here; POST leaves
        // parsing (or the cached document) to the executer.
        var isGet = HttpMethods.IsGet(http.Request.Method);
        var document = documents.Find(request.Query) ?? (isGet ? TryParse(request.Query) : null);
        if (isGet && IsMutation(document, request.OperationName))
        {
            http.Response.Headers.Allow = "POST";
            await WriteProblemAsync(http, StatusCodes.Status405MethodNotAllowed, mediaType, "Mutations must be sent with POST.");
            return;
        }
        var result = await executer.ExecuteAsync(options =>
        {
            options.Query = request.Query;
            options.Document = document;
            options.OperationName = request.OperationName;
            options.Variables = request.Variables is { } v ? serializer.ReadNode<Inputs>(v) : null;
            options.Extensions = request.Extensions is { } e ? serializer.ReadNode<Inputs>(e) : null;
            options.RequestServices = http.RequestServices;
            options.User = http.User;
            options.CancellationToken = http.RequestAborted;
        });
        // application/json: 200 for every well-formed request. graphql-response+json: 400 when execution never began.
        http.Response.StatusCode = mediaType == MediaTypes.GraphQLResponse && !result.Executed
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    private static async Task<(GraphQLHttpRequest?, string?, int)> ReadAsync(HttpContext http)
    {
        if (HttpMethods.IsGet(http.Request.Method))
        {
            var (fromUrl, urlProblem) = GraphQLHttpRequest.FromQueryString(http.Request.Query);
            return (fromUrl, urlProblem, StatusCodes.Status400BadRequest);
        }
        if (!MediaTypes.IsJsonBody(http.Request.ContentType))
        {
            return (null, $"Send the request as {MediaTypes.Json} (UTF-8).", StatusCodes.Status415UnsupportedMediaType);
        }
        try
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            var (fromBody, bodyProblem) = GraphQLHttpRequest.FromJson(body.RootElement.Clone());
            return (fromBody, bodyProblem, StatusCodes.Status400BadRequest);
        }
        catch (JsonException)
        {
            return (null, "The request body is not valid JSON.", StatusCodes.Status400BadRequest);
        }
    }

    private static GraphQLDocument? TryParse(string query)
    {
        try
        {
            return Parser.Parse(query);
        }
        catch (GraphQLParserException)
        {
            return null; // the executer reports the syntax error with its location
        }
    }

    private static bool IsMutation(GraphQLDocument? document, string? operationName)
    {
        var operations = document?.Definitions.OfType<GraphQLOperationDefinition>().ToList() ?? [];
        var selected = operationName is null
            ? (operations.Count == 1 ? operations[0] : null)
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
        return selected?.Operation == OperationType.Mutation;
    }

    private async Task WriteProblemAsync(HttpContext http, int status, string mediaType, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        var result = new ExecutionResult { Errors = [new QueryError(ErrorCodes.BadRequest, message)] };
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }
}
