using System.Text.Json;
using GraphQL;
using GraphQLParser.AST;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.GraphQL.Errors;
using PetitionGraph.Api.Language;

namespace PetitionGraph.Api.GraphQL.Http;

/// <summary>
/// GraphQL over HTTP (the GraphQL Foundation's specification): POST application/json, GET for queries only,
/// application/graphql-response+json when the client accepts it, and the specification's status codes.
/// </summary>
public sealed class GraphQLHttpEndpoint(
    IDocumentExecuter<PetitionSchema> executer, IGraphQLTextSerializer serializer, DocumentCache documents, RequestLimits limits, AuditWriter audit,
    OperationSource sources, DemoMode demo, Data.DatabaseOutage outage, IHostApplicationLifetime lifetime, ILogger<GraphQLHttpEndpoint> logger,
    Workbench.IdePage ide)
{
    public const string Path = "/graphql";

    public async Task HandleAsync(HttpContext http)
    {
        if (http.WebSockets.IsWebSocketRequest)
        {
            await WebSockets.GraphQLWebSocketEndpoint.AcceptAsync(http, lifetime.ApplicationStopping);
            return;
        }
        if (Workbench.IdePage.IsWanted(http))
        {
            // A browser opening the URL: the IDE (or why it is not here), never a 406.
            await ide.WriteAsync(http);
            return;
        }
        var mediaType = MediaTypes.Negotiate(http.Request.Headers.Accept.ToArray()!);
        if (mediaType is null)
        {
            await WriteProblemAsync(http, StatusCodes.Status406NotAcceptable, MediaTypes.Json,
                new Msg($"请在 Accept 中接受 {MediaTypes.GraphQLResponse} 或 {MediaTypes.Json}（UTF-8）。", $"Accept {MediaTypes.GraphQLResponse} or {MediaTypes.Json} (UTF-8)."));
            return;
        }
        // Every request needs a caller: no data, not even the schema, without a valid token.
        var caller = Caller.From(http.User);
        if (caller is null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            await WriteProblemAsync(http, StatusCodes.Status401Unauthorized, mediaType, Caller.Problem(http.User) ?? (demo.Enabled
                ? new Msg("请提供有效的令牌（Authorization: Bearer …）；演示模式下服务启动时已为每个角色打印一个，`dotnet run --project api -- token --role ANALYST` 可再生成。",
                    "Send a valid bearer token (Authorization: Bearer …); in demo mode the service printed one per role on start, and `dotnet run --project api -- token --role ANALYST` prints another.")
                : new Msg("请提供为本服务签发的有效令牌（Authorization: Bearer …）。", "Send a valid bearer token (Authorization: Bearer …) issued for this service.")),
                ErrorCodes.Unauthenticated);
            return;
        }
        if (http.Request.ContentLength > limits.MaxRequestBytes)
        {
            await WriteProblemAsync(http, StatusCodes.Status413PayloadTooLarge, mediaType, new Msg($"请求正文超过 {limits.MaxRequestBytes} 字节。", $"The request body is larger than {limits.MaxRequestBytes} bytes."), ErrorCodes.PayloadTooLarge);
            return;
        }
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limits.MaxRequestBytes;
        }
        var (request, problem, status) = await ReadAsync(http);
        if (request is null)
        {
            await WriteProblemAsync(http, status, mediaType, problem!.Value);
            return;
        }
        var source = sources.Resolve(caller, request.Query, request.DocumentId, request.Extensions);
        if (source.Text is null)
        {
            if (source.Code == OperationSource.PersistedQueryNotFound)
            {
                // As Apollo Server answers it: 200, not to be cached, so the client sends the text next.
                http.Response.Headers.CacheControl = "private, no-cache, must-revalidate";
            }
            await WriteProblemAsync(http, source.Status, mediaType, source.Message!.Value, source.Code!);
            return;
        }
        request = request with { Query = source.Text };
        // GET must be refused for mutations before anything runs, so GET needs the document here; POST leaves
        // parsing (or the cached document) to the executer.
        var isGet = HttpMethods.IsGet(http.Request.Method);
        var document = documents.Find(request.Query) ?? (isGet ? TryParse(request.Query) : null);
        if (isGet && IsMutation(document, request.OperationName))
        {
            http.Response.Headers.Allow = "POST";
            await WriteProblemAsync(http, StatusCodes.Status405MethodNotAllowed, mediaType, new Msg("变更（mutation）须用 POST 发送。", "Mutations must be sent with POST."));
            return;
        }
        var (inputs, problemWithInputs) = ReadInputs(request);
        if (inputs is null)
        {
            await WriteProblemAsync(http, StatusCodes.Status400BadRequest, mediaType, problemWithInputs!.Value);
            return;
        }
        // Every stage stops when the client goes, the time limit passes or the service shuts down.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        timeout.CancelAfter(TimeSpan.FromSeconds(limits.ExecutionSeconds));
        ExecutionResult result;
        try
        {
            result = await executer.ExecuteAsync(options =>
            {
                options.Query = request.Query;
                options.Document = document;
                options.OperationName = request.OperationName;
                options.Variables = inputs.Variables;
                options.Extensions = inputs.Extensions;
                options.RequestServices = http.RequestServices;
                options.User = http.User;
                options.CancellationToken = timeout.Token;
            });
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            result = new ExecutionResult { Executed = true };
        }
        if (timeout.IsCancellationRequested && !http.RequestAborted.IsCancellationRequested)
        {
            // Whatever a stopped statement threw (SQLITE_INTERRUPT, a cancelled Npgsql command), the answer is the limit's.
            result = new ExecutionResult
            {
                Executed = true,
                Errors = [new QueryError(ErrorCodes.Timeout, lifetime.ApplicationStopping.IsCancellationRequested
                ? new Msg("服务正在停止，请求已中止；请重新发送。", "The service is shutting down; the request was stopped. Send it again.")
                : new Msg($"请求运行超过 {limits.ExecutionSeconds} 秒，已中止；请少查一些。", $"The request ran longer than {limits.ExecutionSeconds} s and was stopped; ask for less."))]
            };
        }
        if (result.Errors?.Any(e => e is global::GraphQL.Execution.UnhandledError { InnerException: var inner } && Data.DatabaseOutage.IsUnavailable(inner)) == true)
        {
            await Hosting.ErrorResponses.WriteAsync(http, StatusCodes.Status503ServiceUnavailable, Data.DatabaseOutage.Code, Data.DatabaseOutage.Message);
            return;
        }
        var reads = http.RequestServices.GetRequiredService<PersonalDataReads>();
        try
        {
            await audit.WriteReadsAsync(caller, reads, request.OperationName ?? OperationText.WithoutValues(request.Query));
        }
        catch (Exception e)
        {
            // Fail closed: personal data that could not be audited is not handed out.
            if (Data.DatabaseOutage.IsUnavailable(e))
            {
                outage.Failed(e);
                await Hosting.ErrorResponses.WriteAsync(http, StatusCodes.Status503ServiceUnavailable, Data.DatabaseOutage.Code, Data.DatabaseOutage.Message);
                return;
            }
            logger.LogError(e, "Audit entries could not be written; the response was withheld.");
            await WriteProblemAsync(http, StatusCodes.Status500InternalServerError, mediaType, new Msg("本次读取无法写入审计记录，因此未返回任何数据。", "The read could not be audited, so nothing was returned."), ErrorCodes.InternalError);
            return;
        }
        if (reads.Masked.Count > 0)
        {
            result.Extensions ??= [];
            result.Extensions["personalData"] = PersonalDataNotice.Masked(caller, reads);
        }
        // application/json: 200 for every well-formed request. graphql-response+json: 400 when execution never began.
        http.Response.StatusCode = mediaType == MediaTypes.GraphQLResponse && !result.Executed
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    internal static async Task<(GraphQLHttpRequest?, Msg?, int)> ReadAsync(HttpContext http)
    {
        if (HttpMethods.IsGet(http.Request.Method))
        {
            var (fromUrl, urlProblem) = GraphQLHttpRequest.FromQueryString(http.Request.Query);
            return (fromUrl, urlProblem, StatusCodes.Status400BadRequest);
        }
        if (!MediaTypes.IsJsonBody(http.Request.ContentType))
        {
            return (null, new Msg($"请以 {MediaTypes.Json}（UTF-8）发送请求。", $"Send the request as {MediaTypes.Json} (UTF-8)."), StatusCodes.Status415UnsupportedMediaType);
        }
        try
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            var (fromBody, bodyProblem) = GraphQLHttpRequest.FromJson(body.RootElement.Clone());
            return (fromBody, bodyProblem, StatusCodes.Status400BadRequest);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException or System.Text.DecoderFallbackException)
        {
            // Malformed JSON, invalid UTF-8, or a string with an escaped lone surrogate ("\ud800") that has no text.
            return (null, new Msg("请求正文不是有效的 UTF-8 JSON。", "The request body is not valid JSON in UTF-8."), StatusCodes.Status400BadRequest);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, new Msg("请求正文过大。", "The request body is too large."), StatusCodes.Status413PayloadTooLarge);
        }
    }

    private static GraphQLDocument? TryParse(string query) => DocumentGuard.TryParse(query).Document; // else the executer reports the error

    private static bool IsMutation(GraphQLDocument? document, string? operationName)
    {
        var operations = document?.Definitions.OfType<GraphQLOperationDefinition>().ToList() ?? [];
        var selected = operationName is null
            ? (operations.Count == 1 ? operations[0] : null)
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
        return selected?.Operation == OperationType.Mutation;
    }

    /// <summary>The request's variables and extensions as GraphQL.NET reads them, or why they cannot be read.</summary>
    internal (RequestInputs?, Msg?) ReadInputs(GraphQLHttpRequest request)
    {
        try
        {
            return (new RequestInputs(
                request.Variables is { } v ? serializer.ReadNode<Inputs>(v) : null,
                request.Extensions is { } e ? serializer.ReadNode<Inputs>(e) : null), null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException or FormatException)
        {
            // A key given twice in one object, or a string that is not text (an escaped lone surrogate).
            return (null, new Msg("\"variables\" 与 \"extensions\" 须为 JSON 对象，每个键只出现一次，所有字符串均为有效文本。",
                "\"variables\" and \"extensions\" must be JSON objects with each key once and valid text in every string."));
        }
    }

    internal sealed record RequestInputs(Inputs? Variables, Inputs? Extensions);

    private async Task WriteProblemAsync(HttpContext http, int status, string mediaType, Msg message, string code = ErrorCodes.BadRequest)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        var result = new ExecutionResult { Errors = [new QueryError(code, message)] };
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }
}
