using System.Net;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.Workbench;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Workbench;

/// <summary>
/// Signing in through the office's OpenID Connect provider (a real one on loopback, see <see cref="OidcProvider"/>):
/// the authorization code flow with PKCE ends in the same session cookie as a pasted token; a forged state, a lost flow
/// or a token without a role signs nobody in.
/// </summary>
public abstract class OidcSignInTests(DatabaseProvider provider) : IAsyncLifetime, IAsyncDisposable
{
    private readonly OidcProvider _oidc = new();
    private CustomHost _host = null!;

    public async Task InitializeAsync()
    {
        await _oidc.StartAsync();
        _host = new CustomHost(provider, await CustomHost.NewDatabaseAsync(provider), 30, new Dictionary<string, string?>
        {
            ["Auth:Authority"] = _oidc.Issuer,
            ["Workbench:Oidc:ClientId"] = OidcProvider.ClientId,
        });
        await _host.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _oidc.DisposeAsync();
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await _oidc.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task The_provider_signs_a_browser_in_and_a_forged_or_lost_flow_signs_nobody_in()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        var signIn = await GetAsync(http, new Uri(_host.BaseAddress, "/signin?return=%2F"));
        Assert.Contains($"{OidcSignIn.StartPath}?return=%2F", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The flow: to the provider with a PKCE challenge, back with a code, then the session cookie.
        var (callback, flow) = await StartAsync(http);
        var finished = await GetAsync(http, callback, flow);
        Assert.Equal(HttpStatusCode.SeeOther, finished.StatusCode);
        Assert.Equal("/", finished.Headers.Location!.OriginalString);
        var session = finished.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(SessionCookie.Name + "=", StringComparison.Ordinal) && !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("samesite=strict", session, StringComparison.OrdinalIgnoreCase);
        var home = await GetAsync(http, new Uri(_host.BaseAddress, "/"), session.Split(';')[0]);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var text = await home.Content.ReadAsStringAsync();
        Assert.Contains("oidc-analyst", text, StringComparison.Ordinal);
        Assert.Contains("本月概况", text, StringComparison.Ordinal);

        // A code replayed, a forged state, or no flow cookie: nobody is signed in.
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(http, callback, flow)).StatusCode);
        var (again, againFlow) = await StartAsync(http);
        var forged = await GetAsync(http, new Uri(again.ToString().Replace("state=", "state=x", StringComparison.Ordinal)), againFlow);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.DoesNotContain(forged.Headers.TryGetValues("Set-Cookie", out var set) ? set : [], c => c.StartsWith(SessionCookie.Name + "=", StringComparison.Ordinal) && !c.Contains("1970", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(http, again, cookie: null)).StatusCode);

        // The provider's token must carry one role for this service.
        _oidc.Role = null;
        var (roleless, rolelessFlow) = await StartAsync(http);
        var refused = await GetAsync(http, roleless, rolelessFlow);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("single role", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, _oidc.TokensIssued);
    }

    /// <summary>Starts a sign-in and follows the provider's redirect: the callback URL and the flow cookie.</summary>
    private async Task<(Uri Callback, string Flow)> StartAsync(HttpClient http)
    {
        var start = await GetAsync(http, new Uri(_host.BaseAddress, OidcSignIn.StartPath + "?return=%2F"));
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var authorize = start.Headers.Location!;
        Assert.StartsWith(_oidc.Issuer + "/authorize?", authorize.ToString(), StringComparison.Ordinal);
        Assert.Contains("code_challenge_method=S256", authorize.Query, StringComparison.Ordinal);
        var flow = start.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        var back = await GetAsync(http, authorize);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        return (back.Headers.Location!, flow);
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient http, Uri url, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/html");
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }
        return await http.SendAsync(request);
    }
}

public sealed class OidcSignInTestsOnSqlite() : OidcSignInTests(DatabaseProvider.Sqlite);

public sealed class OidcSignInTestsOnPostgres() : OidcSignInTests(DatabaseProvider.Postgres);
