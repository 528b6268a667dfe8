using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PetitionGraph.Tests.Infrastructure;

/// <summary>
/// An OpenID Connect provider on a loopback port, speaking the real protocol over HTTP: discovery, JWKS (a fresh RSA
/// key), the authorization endpoint (it signs in one synthetic account at once, as a provider does after its login
/// page) and the token endpoint, which checks the code, the redirect URI and the PKCE verifier (S256) and issues an
/// RS256 access token for the PetitionGraph audience with the account's role.
/// </summary>
public sealed class OidcProvider : IAsyncDisposable
{
    public const string ClientId = "petitiongraph-workbench";
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, (string Challenge, string RedirectUri)> _codes = new();
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public string Issuer => BaseAddress.ToString().TrimEnd('/');

    /// <summary>The account the provider signs in: its subject and role (null: a token without a role).</summary>
    public string Subject { get; set; } = "oidc-analyst";

    public string? Role { get; set; } = "ANALYST";

    public int TokensIssued { get; private set; }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        var key = new RsaSecurityKey(_rsa.ExportParameters(false)) { KeyId = "test-key" };
        _app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = Issuer + "/authorize",
            ["token_endpoint"] = Issuer + "/token",
            ["jwks_uri"] = Issuer + "/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        }));
        _app.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(key);
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, n = jwk.N, e = jwk.E, use = "sig", alg = "RS256" } } });
        });
        _app.MapGet("/authorize", (HttpContext http) =>
        {
            var q = http.Request.Query;
            if (q["client_id"] != ClientId || q["response_type"] != "code" || q["code_challenge_method"] != "S256" || string.IsNullOrEmpty(q["code_challenge"]))
            {
                return Results.BadRequest(new { error = "invalid_request" });
            }
            var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            _codes[code] = (q["code_challenge"].ToString(), q["redirect_uri"].ToString());
            return Results.Redirect($"{q["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(q["state"].ToString())}");
        });
        _app.MapPost("/token", async (HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync();
            if (form["grant_type"] != "authorization_code" || form["client_id"] != ClientId || !_codes.TryRemove(form["code"].ToString(), out var issued)
                || issued.RedirectUri != form["redirect_uri"]
                || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != issued.Challenge)
            {
                return Results.BadRequest(new { error = "invalid_grant" });
            }
            var claims = new Dictionary<string, object> { ["sub"] = Subject };
            if (Role is not null)
            {
                claims["role"] = Role;
            }
            var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = Issuer,
                Audience = "petitiongraph",
                Claims = claims,
                Expires = DateTime.UtcNow.AddHours(1),
                SigningCredentials = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = "test-key" }, SecurityAlgorithms.RsaSha256),
            });
            TokensIssued++;
            return Results.Json(new { access_token = token, token_type = "Bearer", expires_in = 3600 });
        });
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        _rsa.Dispose();
    }
}
