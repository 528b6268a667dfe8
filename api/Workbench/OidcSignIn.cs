using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PetitionGraph.Api.Access;

namespace PetitionGraph.Api.Workbench;

/// <summary>Configuration section <c>Workbench:Oidc</c>: the browser's sign-in through the OpenID Connect provider of <c>Auth:Authority</c>.</summary>
public sealed record OidcSignInOptions
{
    /// <summary>The client registered for the workbench at the provider; unset, the browser signs in by pasting a token.</summary>
    public string? ClientId { get; init; }

    /// <summary>For a confidential client; a public client (PKCE only) leaves it unset.</summary>
    public string? ClientSecret { get; init; }

    /// <summary>What to ask for; the access token must be for this service's audience and carry one role.</summary>
    public string Scope { get; init; } = "openid";
}

/// <summary>
/// Signing in through the office's OpenID Connect provider: the authorization code flow with PKCE (S256). The state,
/// the verifier and where to return travel in a short-lived HttpOnly cookie scoped to the callback (any instance can
/// finish the flow; the state proves the callback answers this browser's request); the access token the provider
/// issues is validated exactly as a bearer token is (issuer, audience, keys from the provider's discovery document, a
/// single role) and then becomes the session cookie, like a pasted token.
/// </summary>
internal static class OidcSignIn
{
    public const string StartPath = "/signin/oidc";
    public const string CallbackPath = "/signin/callback";
    private const string FlowCookie = "petitiongraph_oidc";

    public static bool Enabled(AuthOptions auth, OidcSignInOptions oidc) => !string.IsNullOrWhiteSpace(auth.Authority) && !string.IsNullOrWhiteSpace(oidc.ClientId);

    public static WebApplication MapOidcSignIn(this WebApplication app)
    {
        app.MapGet(StartPath, async (HttpContext http, AuthOptions auth, OidcSignInOptions oidc, IOptionsMonitor<JwtBearerOptions> jwt) =>
        {
            if (!Enabled(auth, oidc))
            {
                return Results.NotFound();
            }
            Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectConfiguration configuration;
            try
            {
                configuration = await jwt.Get(JwtBearerDefaults.AuthenticationScheme).ConfigurationManager!.GetConfigurationAsync(http.RequestAborted);
            }
            catch (InvalidOperationException)
            {
                http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                await SignInEndpoints.WriteFormAsync(http, http.RequestServices.GetRequiredService<DemoMode>(), "/", Unreachable);
                return Results.Empty;
            }
            var (state, verifier) = (Random(), Random());
            var flow = JsonSerializer.Serialize(new Flow(state, verifier, SessionCookie.LocalPath(http.Request.Query["return"])));
            // Lax: the provider sends the browser back with a top-level GET from its own site.
            http.Response.Cookies.Append(FlowCookie, Base64UrlEncoder.Encode(flow), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = http.Request.IsHttps,
                Path = CallbackPath,
                MaxAge = TimeSpan.FromMinutes(10),
            });
            var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
            return Results.Redirect(QueryHelpers.AddQueryString(configuration.AuthorizationEndpoint, new Dictionary<string, string?>
            {
                ["response_type"] = "code",
                ["client_id"] = oidc.ClientId,
                ["redirect_uri"] = RedirectUri(http),
                ["scope"] = oidc.Scope,
                ["state"] = state,
                ["code_challenge"] = challenge,
                ["code_challenge_method"] = "S256",
            }));
        });
        app.MapGet(CallbackPath, CallbackAsync);
        return app;
    }

    private static async Task CallbackAsync(HttpContext http, AuthOptions auth, OidcSignInOptions oidc, IOptionsMonitor<JwtBearerOptions> jwt,
        IHttpClientFactory clients, DemoMode demo, ILogger<OidcSignInOptions> logger)
    {
        var flow = Read(http);
        http.Response.Cookies.Delete(FlowCookie, new CookieOptions { Path = CallbackPath });
        var code = http.Request.Query["code"].ToString();
        if (!Enabled(auth, oidc) || flow is null || code.Length == 0 || !CryptographicOperations.FixedTimeEquals(
                Encoding.UTF8.GetBytes(http.Request.Query["state"].ToString()), Encoding.UTF8.GetBytes(flow.State)))
        {
            await RefuseAsync(http, demo, flow?.Return, http.Request.Query["error_description"].FirstOrDefault() ?? "登录未完成或已过期，请重试。The sign-in did not complete (or took too long); try again.");
            return;
        }
        var options = jwt.Get(JwtBearerDefaults.AuthenticationScheme);
        Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectConfiguration configuration;
        string? token;
        try
        {
            configuration = await options.ConfigurationManager!.GetConfigurationAsync(http.RequestAborted);
            token = await RedeemAsync(http, clients, configuration.TokenEndpoint, oidc, code, flow.Verifier, logger);
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or JsonException)
        {
            logger.LogWarning("The OpenID Connect provider could not be used: {Reason}", e.Message);
            await RefuseAsync(http, demo, flow.Return, Unreachable);
            return;
        }
        if (token is null)
        {
            await RefuseAsync(http, demo, flow.Return, "身份认证服务未签发令牌。The provider issued no token.");
            return;
        }
        // The same checks as a bearer token: issuer, audience, lifetime, the provider's keys; then one role.
        var parameters = options.TokenValidationParameters.Clone();
        parameters.ValidIssuers = [.. parameters.ValidIssuers ?? [], configuration.Issuer];
        parameters.IssuerSigningKeys = configuration.SigningKeys;
        var validated = await new JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(token, parameters);
        if (!validated.IsValid || Caller.From(new System.Security.Claims.ClaimsPrincipal(validated.ClaimsIdentity)) is null)
        {
            await RefuseAsync(http, demo, flow.Return, "身份认证服务签发的令牌不适用于本服务（须含一个角色）。The provider's token is not for this service, or carries no single role.");
            return;
        }
        SessionCookie.Write(http, token);
        http.Response.StatusCode = StatusCodes.Status303SeeOther;
        http.Response.Headers.Location = flow.Return;
    }

    private const string Unreachable = "无法访问统一身份认证服务，请稍后重试或粘贴令牌。The office's sign-in service cannot be reached; try again later, or paste a token.";

    /// <summary>The code for an access token at the provider's token endpoint (with the PKCE verifier); null when refused.</summary>
    private static async Task<string?> RedeemAsync(HttpContext http, IHttpClientFactory clients, string endpoint, OidcSignInOptions oidc, string code, string verifier,
        ILogger logger)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = RedirectUri(http),
            ["client_id"] = oidc.ClientId!,
            ["code_verifier"] = verifier,
        };
        if (oidc.ClientSecret is { Length: > 0 } secret)
        {
            form["client_secret"] = secret;
        }
        using var response = await clients.CreateClient(nameof(OidcSignIn)).PostAsync(endpoint, new FormUrlEncodedContent(form), http.RequestAborted);
        if (!response.IsSuccessStatusCode)
        {
            logger.LogWarning("The OpenID Connect provider refused the code: HTTP {Status}.", (int)response.StatusCode);
            return null;
        }
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(http.RequestAborted));
        return body.RootElement.TryGetProperty("access_token", out var issued) ? issued.GetString() : null;
    }

    private static Task RefuseAsync(HttpContext http, DemoMode demo, string? returnTo, string problem)
    {
        http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return SignInEndpoints.WriteFormAsync(http, demo, returnTo ?? "/", problem);
    }

    private static Flow? Read(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(FlowCookie, out var value))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<Flow>(Base64UrlEncoder.Decode(value));
        }
        catch (Exception e) when (e is FormatException or ArgumentException or JsonException)
        {
            return null;
        }
    }

    private static string RedirectUri(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{CallbackPath}";

    private static string Random() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    private sealed record Flow(string State, string Verifier, string Return);
}
