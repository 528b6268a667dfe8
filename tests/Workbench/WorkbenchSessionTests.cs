using System.Net;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.Workbench;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Workbench;

/// <summary>
/// Signing in from a browser, over HTTP: the pasted token becomes a session cookie only if it is valid and the form is
/// this service's own; the cookie stands for the token on reads and on requests that carry the workbench's header,
/// never on a bare cross-site POST; the IDE is off unless configured; an export stops at its row limit and says so.
/// </summary>
public abstract class WorkbenchSessionTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const int MaxRows = 100;
    private CustomHost _host = null!;

    public async Task InitializeAsync()
    {
        // Production defaults: the IDE is off here.
        _host = new CustomHost(provider, await CustomHost.NewDatabaseAsync(provider), 130,
            new Dictionary<string, string?> { ["Workbench:ExportMaxRows"] = MaxRows.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await _host.InitializeAsync();
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_valid_token_becomes_a_session_cookie_that_reads_but_cannot_be_used_from_another_site()
    {
        var token = _host.Services.GetRequiredService<TokenIssuer>().Issue("session-analyst", Role.Analyst);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _host.BaseAddress };

        // Not signed in: a browser at / gets the sign-in, and nothing else.
        var home = await SendAsync(http, HttpMethod.Get, "/", html: true);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/signin?return=%2F", home.Headers.Location!.OriginalString);
        var form = await SendAsync(http, HttpMethod.Get, "/signin?return=%2F", html: true);
        Assert.Contains("粘贴你的令牌", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A wrong token, or a form posted from another site, sets nothing.
        var wrong = await SignInAsync(http, token[..^4] + "AAAA", origin: null);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.False(wrong.Headers.Contains("Set-Cookie"));
        var foreign = await SignInAsync(http, token, origin: "https://elsewhere.example");
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.False(foreign.Headers.Contains("Set-Cookie"));

        var signedIn = await SignInAsync(http, token, origin: _host.BaseAddress.GetLeftPart(UriPartial.Authority));
        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
        var setCookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires", setCookie, StringComparison.OrdinalIgnoreCase);
        var cookie = setCookie.Split(';')[0];

        // The home page, read as the caller through the API: this month's figures.
        var page = await SendAsync(http, HttpMethod.Get, "/", html: true, cookie);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var text = await page.Content.ReadAsStringAsync();
        Assert.Contains("本月概况", text, StringComparison.Ordinal);
        Assert.Contains("session-analyst", text, StringComparison.Ordinal);
        var stock = await _host.ClientAs(Role.Analyst, "session-analyst").QueryAsync("{ stockAt { stock } }");
        Assert.Contains($"<b>{stock.GetProperty("stockAt")[0].GetProperty("stock").GetInt32():N0}</b>", text, StringComparison.Ordinal);

        // A POST with the cookie alone (what another site's form could send) is not signed in; with the header it is.
        const string query = """{"query":"{ cases { totalCount } }"}""";
        var bare = await SendAsync(http, HttpMethod.Post, "/graphql", html: false, cookie, json: query);
        Assert.Equal(HttpStatusCode.Unauthorized, bare.StatusCode);
        var marked = await SendAsync(http, HttpMethod.Post, "/graphql", html: false, cookie, json: query, header: true);
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        Assert.Equal(130, JsonDocument.Parse(await marked.Content.ReadAsStringAsync()).RootElement.GetProperty("data").GetProperty("cases").GetProperty("totalCount").GetInt32());

        // The schema as SDL, for a signed-in reader only.
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(http, HttpMethod.Get, SchemaEndpoint.Path, html: false)).StatusCode);
        var schema = await SendAsync(http, HttpMethod.Get, SchemaEndpoint.Path, html: false, cookie);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "schema", "schema.graphql")), await schema.Content.ReadAsStringAsync());

        // The IDE is off by default outside Development: a browser is told so, nothing else changes.
        var ide = await SendAsync(http, HttpMethod.Get, "/graphql", html: true, cookie);
        Assert.Equal(HttpStatusCode.NotFound, ide.StatusCode);
        Assert.Contains("Workbench:Ide", await ide.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Signing out deletes the cookie.
        var signOut = await SendAsync(http, HttpMethod.Post, SessionCookie.SignOutPath, html: true, cookie);
        Assert.Equal(HttpStatusCode.SeeOther, signOut.StatusCode);
        Assert.Contains("expires=Thu, 01 Jan 1970", Assert.Single(signOut.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_export_stops_at_its_row_limit_and_says_so_in_the_workbook()
    {
        var analyst = _host.ClientAs(Role.Analyst, "limited-analyst");
        var csv = ExportTests.Csv(Encoding.UTF8.GetString(await ExportTests.ExportAsync(analyst, "csv", "{ cases(order: [{ number: ASC }]) { nodes { number } } }")));
        Assert.Equal(MaxRows, csv.Count - 1);
        var xlsx = await ExportTests.ExportAsync(analyst, "xlsx", "{ cases(order: [{ number: ASC }]) { nodes { number petitioners { name } } } }");
        using var book = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        Assert.Equal(MaxRows + 1, ExportTests.Sheet(book, "数据").Count);
        var about = ExportTests.Sheet(book, "说明");
        Assert.StartsWith("否：已达导出上限 100 行", about[3][1].Text, StringComparison.Ordinal);
        // An analyst's names were masked, and the workbook says so.
        Assert.StartsWith("已脱敏（name）", about[4][1].Text, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> SignInAsync(HttpClient http, string token, string? origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, SessionCookie.SignInPath)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token, ["return"] = "/" }),
        };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        return await http.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, bool html, string? cookie = null, string? json = null, bool header = false)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Accept.ParseAdd(html ? "text/html" : "application/json");
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }
        if (header)
        {
            request.Headers.Add(SessionCookie.Header, "1");
        }
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        return await http.SendAsync(request);
    }
}

public sealed class WorkbenchSessionTestsOnSqlite() : WorkbenchSessionTests(DatabaseProvider.Sqlite);

public sealed class WorkbenchSessionTestsOnPostgres() : WorkbenchSessionTests(DatabaseProvider.Postgres);
