using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using PetitionGraph.Api.Access;

namespace PetitionGraph.Api.GraphQL.WebSockets;

/// <summary>
/// Who a WebSocket connection is: the token in its connection_init payload (browsers cannot set headers on a WebSocket),
/// checked by the very same authentication handlers as an HTTP request's header — else the upgrade request's own user.
/// </summary>
public static class ConnectionUser
{
    public static async Task<ClaimsPrincipal?> AuthenticateAsync(HttpContext http, IServiceProvider services, JsonElement? payload, CancellationToken ct)
    {
        var (authorization, apiKey) = Credentials(payload);
        if (authorization is null && apiKey is null)
        {
            return Caller.From(http.User) is null ? null : http.User;
        }
        // A request of its own, in a scope of its own: the handlers run fresh (they cache one result per request).
        await using var scope = services.CreateAsyncScope();
        var probe = new DefaultHttpContext { RequestServices = scope.ServiceProvider, RequestAborted = ct };
        probe.Request.Scheme = http.Request.Scheme;
        probe.Request.Host = http.Request.Host;
        if (authorization is not null)
        {
            probe.Request.Headers.Authorization = authorization;
        }
        if (apiKey is not null)
        {
            probe.Request.Headers[ApiKeyHandler.Header] = apiKey;
        }
        var result = await probe.AuthenticateAsync();
        return result.Succeeded ? result.Principal : null;
    }

    /// <summary>{"Authorization": "Bearer …"}, {"token": "…"} or {"X-Api-Key": "…"}, key names in any case.</summary>
    private static (string? Authorization, string? ApiKey) Credentials(JsonElement? payload)
    {
        if (payload is not { ValueKind: JsonValueKind.Object } p)
        {
            return (null, null);
        }
        string? authorization = null, apiKey = null;
        foreach (var property in p.EnumerateObject().Where(x => x.Value.ValueKind == JsonValueKind.String))
        {
            var value = property.Value.GetString()!;
            if (property.Name.Equals("authorization", StringComparison.OrdinalIgnoreCase))
            {
                authorization = value;
            }
            else if (property.Name.Equals("token", StringComparison.OrdinalIgnoreCase) || property.Name.Equals("authToken", StringComparison.OrdinalIgnoreCase))
            {
                authorization = "Bearer " + value;
            }
            else if (property.Name.Equals(ApiKeyHandler.Header, StringComparison.OrdinalIgnoreCase) || property.Name.Equals("apiKey", StringComparison.OrdinalIgnoreCase))
            {
                apiKey = value;
            }
        }
        return (authorization, apiKey);
    }
}
