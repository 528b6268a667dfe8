using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;

namespace PetitionGraph.Tests.Infrastructure;

/// <summary>A small graphql-transport-ws client over .NET's ClientWebSocket, for tests: send messages, read them in order.</summary>
public sealed class GraphQLWebSocketClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly Channel<JsonElement> _messages = Channel.CreateUnbounded<JsonElement>();
    private Task? _reader;

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseDescription => _socket.CloseStatusDescription;

    public static async Task<GraphQLWebSocketClient> ConnectAsync(Uri httpBase, string? subprotocol = "graphql-transport-ws")
    {
        var client = new GraphQLWebSocketClient();
        if (subprotocol is not null)
        {
            client._socket.Options.AddSubProtocol(subprotocol);
        }
        var uri = new UriBuilder(httpBase) { Scheme = httpBase.Scheme == "https" ? "wss" : "ws", Path = "/graphql" }.Uri;
        await client._socket.ConnectAsync(uri, CancellationToken.None);
        client._reader = client.ReadAsync();
        return client;
    }

    public Task SendAsync(object message) =>
        _socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, CancellationToken.None);

    public Task InitAsync(string token) => SendAsync(new { type = "connection_init", payload = new { Authorization = "Bearer " + token } });

    /// <summary>The next message, or null when the socket closed first.</summary>
    public async Task<JsonElement?> NextAsync(TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(15));
        try
        {
            return await _messages.Reader.ReadAsync(timeout.Token);
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    /// <summary>The next message if one arrives within the time; null when none does (to show that nothing came).</summary>
    public async Task<JsonElement?> NextOrNothingAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            return await _messages.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Messages until one matches; fails after the time.</summary>
    public async Task<JsonElement> NextWhereAsync(Func<JsonElement, bool> match, TimeSpan? within = null)
    {
        var until = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < until)
        {
            var message = await NextAsync(until - DateTime.UtcNow) ?? throw new InvalidOperationException($"closed: {CloseStatus} {CloseDescription}");
            if (match(message))
            {
                return message;
            }
        }
        throw new TimeoutException("no matching message");
    }

    /// <summary>Waits for the server to close the socket; returns its close code.</summary>
    public async Task<int?> ClosedAsync()
    {
        while (await NextAsync(TimeSpan.FromSeconds(15)) is not null)
        {
        }
        return (int?)CloseStatus;
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                using var text = new MemoryStream();
                WebSocketReceiveResult received;
                do
                {
                    received = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                    text.Write(buffer, 0, received.Count);
                }
                while (!received.EndOfMessage);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
                _messages.Writer.TryWrite(JsonDocument.Parse(text.ToArray()).RootElement.Clone());
            }
        }
        catch (WebSocketException)
        {
        }
        finally
        {
            _messages.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
            catch (WebSocketException)
            {
            }
        }
        if (_reader is not null)
        {
            await _reader;
        }
        _socket.Dispose();
    }
}
