using PetitionGraph.Api.Changes.Live;

namespace PetitionGraph.Api.GraphQL.WebSockets;

/// <summary>A WebSocket upgrade on the GraphQL URL: graphql-transport-ws, the only subprotocol spoken.</summary>
public static class GraphQLWebSocketEndpoint
{
    public static async Task AcceptAsync(HttpContext http, CancellationToken stopping)
    {
        var offered = http.WebSockets.WebSocketRequestedProtocols;
        var speaks = offered.Contains(GraphQLWebSocketSession.Protocol, StringComparer.Ordinal);
        using var socket = await http.WebSockets.AcceptWebSocketAsync(speaks ? GraphQLWebSocketSession.Protocol : null);
        if (!speaks)
        {
            // What graphql-ws servers do: accept, then close with 4406 and say what is spoken.
            await socket.CloseAsync((System.Net.WebSockets.WebSocketCloseStatus)4406,
                $"Subprotocol not acceptable: use {GraphQLWebSocketSession.Protocol}", CancellationToken.None);
            return;
        }
        var services = http.RequestServices;
        using var session = new GraphQLWebSocketSession(socket, http, services, services.GetRequiredService<LiveOptions>(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger<GraphQLWebSocketSession>(), stopping);
        await session.RunAsync();
    }
}
