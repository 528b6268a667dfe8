using System.Security.Claims;

namespace PetitionGraph.Api.Access;

/// <summary>
/// Who a request runs as when it is not the HTTP request's own user: a webhook reading the feed as its API client, a
/// subscription's event executed for the token of its WebSocket. Set once, on a new scope, before anything resolves
/// <see cref="GraphQL.AccessScope"/>; the scope then follows this user and never the process (which sees everything).
/// </summary>
public sealed class ExecutingUser
{
    public ClaimsPrincipal? Principal { get; private set; }

    public void Set(ClaimsPrincipal principal)
    {
        if (Principal is not null)
        {
            throw new InvalidOperationException("A scope runs as one user.");
        }
        Principal = principal;
    }

    /// <summary>A new scope that runs as <paramref name="principal"/>.</summary>
    public static AsyncServiceScope CreateScope(IServiceProvider services, ClaimsPrincipal principal) =>
        CreateScope(services.GetRequiredService<IServiceScopeFactory>(), principal);

    /// <inheritdoc cref="CreateScope(IServiceProvider, ClaimsPrincipal)"/>
    public static AsyncServiceScope CreateScope(IServiceScopeFactory scopes, ClaimsPrincipal principal)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ExecutingUser>().Set(principal);
        return scope;
    }
}
