using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using GraphQL;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Changes.Live;
using PetitionGraph.Api.GraphQL.Http;
using PetitionGraph.Api.Language;

namespace PetitionGraph.Api.GraphQL.WebSockets;

/// <summary>
/// One WebSocket connection speaking graphql-transport-ws (the protocol of the npm <c>graphql-ws</c> client):
/// connection_init (with the token) → connection_ack; subscribe → next… → complete; ping/pong. Each operation runs as
/// the connection's user through the same executer as HTTP — persisted-document rule, document guard, role rule, scope,
/// masking and audit included. Protocol violations close the socket with the protocol's 44xx codes.
/// </summary>
public sealed class GraphQLWebSocketSession(
    WebSocket socket, HttpContext http, IServiceProvider services, LiveOptions options, ILogger logger, CancellationToken stopping) : IDisposable
{
    public const string Protocol = "graphql-transport-ws";

    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly ConcurrentDictionary<string, IDisposable> _operations = new(StringComparer.Ordinal);
    private readonly IDocumentExecuter<PetitionSchema> _executer = services.GetRequiredService<IDocumentExecuter<PetitionSchema>>();
    private readonly IGraphQLTextSerializer _serializer = services.GetRequiredService<IGraphQLTextSerializer>();
    private readonly RequestLimits _limits = services.GetRequiredService<RequestLimits>();
    private ClaimsPrincipal? _user;
    private bool _initialised;

    private IServiceProvider Services => services;

    public void Dispose() => _send.Dispose();

    public async Task RunAsync()
    {
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
        var ct = connection.Token;
        using var initTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(options.InitTimeoutSeconds));
        using var initWatch = initTimeout.Token.Register(() =>
        {
            if (!_initialised)
            {
                _ = CloseAsync(4408, "Connection initialisation timeout");
            }
        });
        try
        {
            while (socket.State == WebSocketState.Open && !ct.IsCancellationRequested)
            {
                var message = await ReceiveAsync(ct);
                if (message is null)
                {
                    break;
                }
                await HandleAsync(message, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            if (stopping.IsCancellationRequested)
            {
                await CloseAsync(1001, "The service is shutting down");
            }
        }
        catch (WebSocketException)
        {
            // The client went away.
        }
        finally
        {
            foreach (var operation in _operations.Values)
            {
                operation.Dispose();
            }
            _operations.Clear();
        }
    }

    /// <summary>One text message, or null when the socket closed (or was closed here for a bad frame).</summary>
    private async Task<string?> ReceiveAsync(CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        using var text = new MemoryStream();
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, ct);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                if (socket.State == WebSocketState.CloseReceived)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                }
                return null;
            }
            if (received.MessageType == WebSocketMessageType.Binary)
            {
                await CloseAsync(4400, "Messages are JSON text");
                return null;
            }
            text.Write(buffer, 0, received.Count);
            if (text.Length > _limits.MaxRequestBytes)
            {
                await CloseAsync(4400, "Message too large");
                return null;
            }
            if (received.EndOfMessage)
            {
                return Encoding.UTF8.GetString(text.GetBuffer(), 0, (int)text.Length);
            }
        }
    }

    private async Task HandleAsync(string text, CancellationToken ct)
    {
        JsonElement message;
        try
        {
            message = JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            await CloseAsync(4400, "Invalid message: not JSON");
            return;
        }
        var type = message.ValueKind == JsonValueKind.Object && message.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        switch (type)
        {
            case "connection_init":
                await InitialiseAsync(message, ct);
                break;
            case "ping":
                await SendAsync(message.TryGetProperty("payload", out var payload) ? new { type = "pong", payload } : new { type = "pong" }, ct);
                break;
            case "pong":
                break;
            case "subscribe":
                await SubscribeAsync(message, ct);
                break;
            case "complete":
                if (Id(message) is { } id && _operations.TryRemove(id, out var operation))
                {
                    operation.Dispose();
                }
                break;
            default:
                await CloseAsync(4400, type is null ? "Invalid message: no type" : $"Invalid message type '{Truncate(type)}'");
                break;
        }
    }

    private async Task InitialiseAsync(JsonElement message, CancellationToken ct)
    {
        if (_initialised || _user is not null)
        {
            await CloseAsync(4429, "Too many initialisation requests");
            return;
        }
        var payload = message.TryGetProperty("payload", out var p) && p.ValueKind == JsonValueKind.Object ? p : (JsonElement?)null;
        _user = await ConnectionUser.AuthenticateAsync(http, services, payload, ct);
        if (Caller.From(_user) is null)
        {
            await CloseAsync(4403, "Forbidden: send a valid token in connection_init ({\"Authorization\": \"Bearer …\"} or {\"X-Api-Key\": \"…\"})");
            return;
        }
        _initialised = true;
        await SendAsync(new { type = "connection_ack" }, ct);
        if (long.TryParse(_user!.FindFirst("exp")?.Value, System.Globalization.CultureInfo.InvariantCulture, out var exp))
        {
            // A connection lives no longer than its token.
            var left = DateTimeOffset.FromUnixTimeSeconds(exp) - DateTimeOffset.UtcNow;
            _ = Task.Delay(left > TimeSpan.Zero ? left : TimeSpan.Zero, ct)
                .ContinueWith(t => t.IsCompletedSuccessfully ? CloseAsync(4403, "Forbidden: the token expired") : Task.CompletedTask, TaskScheduler.Default);
        }
    }

    private async Task SubscribeAsync(JsonElement message, CancellationToken ct)
    {
        if (!_initialised)
        {
            await CloseAsync(4401, "Unauthorized");
            return;
        }
        if (Id(message) is not { } id || !message.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object)
        {
            await CloseAsync(4400, "Invalid message: subscribe needs an id and a payload");
            return;
        }
        var (request, problem) = GraphQLHttpRequest.FromJson(payload);
        if (request is null)
        {
            await SendErrorAsync(id, Errors.ErrorCodes.BadRequest, problem!.Value, ct);
            return;
        }
        var caller = Caller.From(_user)!;
        var source = services.GetRequiredService<OperationSource>().Resolve(caller, request.Query, request.DocumentId, request.Extensions);
        if (source.Text is null)
        {
            await SendErrorAsync(id, source.Code!, source.Message!.Value, ct);
            return;
        }
        if (_operations.Count >= options.MaxSubscriptionsPerConnection)
        {
            await SendErrorAsync(id, Errors.ErrorCodes.RateLimited, new Msg($"一个连接上最多同时运行 {options.MaxSubscriptionsPerConnection} 个操作。",
                $"At most {options.MaxSubscriptionsPerConnection} operations run at once on one connection."), ct);
            return;
        }
        var running = new Running(this, id);
        if (!_operations.TryAdd(id, running))
        {
            await CloseAsync(4409, $"Subscriber for {Truncate(id)} already exists");
            return;
        }
        try
        {
            await running.StartAsync(request with { Query = source.Text }, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "A WebSocket operation failed to start.");
            _operations.TryRemove(id, out _);
            await SendErrorAsync(id, Errors.ErrorCodes.InternalError, new Msg("操作未能启动。", "The operation could not be started."), ct);
        }
    }

    /// <summary>An error for one operation, in the language of the request that opened the socket.</summary>
    private Task SendErrorAsync(string id, string code, Msg text, CancellationToken ct) =>
        SendAsync(new { id, type = "error", payload = new[] { new { message = text.In(Languages.Of(http)), extensions = new { code } } } }, ct);

    private async Task SendAsync(object message, CancellationToken ct)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(message);
        await SendBytesAsync(bytes, ct);
    }

    private async Task SendBytesAsync(byte[] bytes, CancellationToken ct)
    {
        await _send.WaitAsync(ct);
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                await socket.SendAsync(bytes, WebSocketMessageType.Text, true, ct);
            }
        }
        finally
        {
            _send.Release();
        }
    }

    private async Task CloseAsync(int code, string reason)
    {
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            // Already going.
        }
    }

    private static string? Id(JsonElement message) =>
        message.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 and <= 200 } text ? text : null;

    private static string Truncate(string text) => text.Length > 40 ? text[..40] + "…" : text;

    /// <summary>One operation of the connection: a query or mutation (one next), or a subscription (a next per event).</summary>
    private sealed class Running(GraphQLWebSocketSession session, string id) : IDisposable, IObserver<ExecutionResult>
    {
        private readonly CancellationTokenSource _stop = new();
        private CancellationTokenSource? _linked;
        private IDisposable? _stream;
        private int _done;

        public async Task StartAsync(GraphQLHttpRequest request, CancellationToken ct)
        {
            // Lives as long as the operation: the subscription's events are executed under it.
            var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, _stop.Token);
            _linked = linked;
            await using var scope = ExecutingUser.CreateScope(session.Services, session._user!);
            var inputs = request.Variables is { } v ? session._serializer.ReadNode<Inputs>(v) : null;
            var extensions = request.Extensions is { } e ? session._serializer.ReadNode<Inputs>(e) : null;
            var result = await session._executer.ExecuteAsync(o =>
            {
                o.Query = request.Query;
                o.OperationName = request.OperationName;
                o.Variables = inputs;
                o.Extensions = extensions;
                o.User = session._user;
                o.RequestServices = scope.ServiceProvider;
                o.CancellationToken = linked.Token;
            });
            if (result.Streams is { Count: > 0 } streams)
            {
                _stream = streams.Values.First().Subscribe(this);
                return;
            }
            if (!result.Executed)
            {
                // Refused before execution (syntax, validation, roles): the protocol's error message, then nothing more.
                await session.SendAsync(new { id, type = "error", payload = ErrorsOf(result) }, ct);
                Finish();
                return;
            }
            // A query or mutation: audit as over HTTP, one result, then complete.
            var reads = scope.ServiceProvider.GetRequiredService<PersonalDataReads>();
            var caller = Caller.From(session._user)!;
            await session.Services.GetRequiredService<AuditWriter>().WriteReadsAsync(caller, reads, request.OperationName ?? OperationText.WithoutValues(request.Query));
            if (reads.Masked.Count > 0)
            {
                result.Extensions ??= [];
                result.Extensions["personalData"] = PersonalDataNotice.Masked(caller, reads);
            }
            await SendNextAsync(result, ct);
            await CompleteAsync();
        }

        private JsonElement ErrorsOf(ExecutionResult result) =>
            JsonDocument.Parse(session._serializer.Serialize(result)).RootElement.GetProperty("errors").Clone();

        private async Task SendNextAsync(ExecutionResult result, CancellationToken ct)
        {
            var payload = JsonDocument.Parse(session._serializer.Serialize(result)).RootElement;
            await session.SendAsync(new { id, type = "next", payload }, ct);
        }

        public void OnNext(ExecutionResult value)
        {
            if (Volatile.Read(ref _done) == 0)
            {
                // Events of one stream arrive one at a time; waiting here keeps them in order on the socket.
                SendNextAsync(value, _stop.Token).GetAwaiter().GetResult();
            }
        }

        public void OnError(Exception error) => _ = CompleteAsync();

        public void OnCompleted() => _ = CompleteAsync();

        private async Task CompleteAsync()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                session._operations.TryRemove(id, out _);
                await session.SendAsync(new { id, type = "complete" }, CancellationToken.None);
                _stream?.Dispose();
            }
        }

        private void Finish()
        {
            Interlocked.Exchange(ref _done, 1);
            session._operations.TryRemove(id, out _);
        }

        /// <summary>The client completed it, or the connection closed: stop without a complete message.</summary>
        public void Dispose()
        {
            Interlocked.Exchange(ref _done, 1);
            _stop.Cancel();
            _stream?.Dispose();
            _linked?.Dispose();
        }
    }
}
