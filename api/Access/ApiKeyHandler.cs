using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.Access;

/// <summary>Authenticates an integration client by its <c>X-Api-Key</c>: the key's hash must belong to an active client.</summary>
public sealed class ApiKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IDbContextFactory<PetitionDbContext> factory)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers[Header].ToString() is not { Length: > 0 } key)
        {
            return AuthenticateResult.NoResult();
        }
        var hash = ApiClient.Hash(key);
        await using var db = await factory.CreateDbContextAsync(Context.RequestAborted);
        var client = await db.ApiClients.Where(c => c.KeyHash == hash && c.Active).Select(c => new { c.Name, c.Scopes }).FirstOrDefaultAsync(Context.RequestAborted);
        if (client is null)
        {
            return AuthenticateResult.Fail("Unknown or inactive API key.");
        }
        return AuthenticateResult.Success(new AuthenticationTicket(ApiClient.Principal(client.Name, client.Scopes, SchemeName), SchemeName));
    }
}
