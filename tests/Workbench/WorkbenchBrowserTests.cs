using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Data;
using PetitionGraph.Tests.Infrastructure;
using PuppeteerSharp;

namespace PetitionGraph.Tests.Workbench;

/// <summary>
/// The analyst's workbench in a real browser (Debian's chromium, driven by PuppeteerSharp), with every request outside
/// the service refused: sign in, run a query in the IDE, open the documentation of Case, export to XLSX and open the
/// file, open the home page and follow a report link, sign out. Each step's screenshot is kept in
/// tests/TestResults/screenshots.
/// </summary>
public abstract class WorkbenchBrowserTests(DatabaseProvider provider) : IAsyncLifetime, IDisposable
{
    private const int Cases = 130;
    private CustomHost _host = null!;
    private readonly TempFolder _downloads = new();

    public async Task InitializeAsync()
    {
        _host = new CustomHost(provider, await CustomHost.NewDatabaseAsync(provider), Cases,
            new Dictionary<string, string?> { ["Workbench:Ide"] = "true" });
        await _host.InitializeAsync();
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    public void Dispose()
    {
        _downloads.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task An_analyst_signs_in_queries_reads_the_docs_exports_to_excel_and_follows_a_report_link_offline()
    {
        var analyst = _host.ClientAs(Role.Analyst, "browser-analyst");
        var report = await analyst.QueryAsync("""mutation { generateReport(input: { report: MONTHLY_OVERVIEW, period: "2026-10" }) { run { id status } } }""");
        Assert.Equal("SUCCEEDED", report.GetProperty("generateReport").GetProperty("run").GetProperty("status").GetString());
        var token = _host.Services.GetRequiredService<TokenIssuer>().Issue("browser-analyst", Role.Analyst);
        var origin = _host.BaseAddress.GetLeftPart(UriPartial.Authority);

        await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = Chromium(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
        });
        await using var page = await browser.NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = 1400, Height = 860 });
        await page.Client.SendAsync("Page.setDownloadBehavior", new { behavior = "allow", downloadPath = _downloads.Path });
        // The network is cut off: anything not from the service itself is refused and remembered.
        var outside = new List<string>();
        await page.SetRequestInterceptionAsync(true);
        page.Request += async (_, e) =>
        {
            var url = e.Request.Url;
            if (url.StartsWith(origin, StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal) || url.StartsWith("blob:", StringComparison.Ordinal))
            {
                await e.Request.ContinueAsync();
                return;
            }
            lock (outside)
            {
                outside.Add(url);
            }
            await e.Request.AbortAsync();
        };

        // Not signed in: the IDE's URL shows the sign-in, and only that.
        await page.GoToAsync(origin + "/graphql");
        Assert.Equal("/signin", new Uri(page.Url).AbsolutePath);
        await ShotAsync(page, "01-sign-in");
        await page.EvaluateFunctionAsync("t => document.querySelector('#token').value = t", token);
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("form.signin button[type=submit]"));
        Assert.Equal("/graphql", new Uri(page.Url).AbsolutePath);
        Assert.DoesNotContain(token, page.Url, StringComparison.Ordinal);

        // The IDE loads from the service alone, with the schema (completion and documentation come from it).
        await page.WaitForSelectorAsync(".graphiql-container", new WaitForSelectorOptions { Timeout = 30_000 });
        await page.WaitForFunctionAsync("() => !!document.querySelector('[aria-label=\"Show Documentation Explorer\"]')", new WaitForFunctionOptions { Timeout = 30_000 });
        await ShotAsync(page, "02-ide");

        // Run a query: the result is the API's, names masked for an analyst.
        const string query = "{ cases(first: 3, order: [{ number: ASC }]) { totalCount nodes { number village { name } petitioners { name } } } }";
        await page.EvaluateFunctionAsync("q => document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue(q)", query);
        await page.ClickAsync(".graphiql-execute-button");
        await page.WaitForFunctionAsync("() => document.querySelector('.graphiql-response .CodeMirror').CodeMirror.getValue().includes('totalCount')",
            new WaitForFunctionOptions { Timeout = 30_000 });
        var shown = JsonDocument.Parse(await page.EvaluateExpressionAsync<string>("document.querySelector('.graphiql-response .CodeMirror').CodeMirror.getValue()")).RootElement;
        var direct = await analyst.QueryAsync(query);
        Assert.Equal(JsonSerializer.Serialize(direct), JsonSerializer.Serialize(shown.GetProperty("data")));
        Assert.Equal(Cases, shown.GetProperty("data").GetProperty("cases").GetProperty("totalCount").GetInt32());
        Assert.Contains('*', shown.GetProperty("data").GetProperty("cases").GetProperty("nodes")[0].GetProperty("petitioners")[0].GetProperty("name").GetString()!);
        await ShotAsync(page, "03-query-result");

        // The documentation of Case, with its description from the schema.
        await page.ClickAsync("[aria-label=\"Show Documentation Explorer\"]");
        await page.WaitForSelectorAsync(".graphiql-doc-explorer-search-input input, .graphiql-doc-explorer-search input");
        await page.TypeAsync(".graphiql-doc-explorer-search-input input, .graphiql-doc-explorer-search input", "Case");
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('[role=option]')].some(o => o.textContent.trim() === 'Case')");
        await page.EvaluateExpressionAsync("[...document.querySelectorAll('[role=option]')].find(o => o.textContent.trim() === 'Case').click()");
        await page.WaitForFunctionAsync("() => document.querySelector('.graphiql-doc-explorer-title')?.textContent.trim() === 'Case'");
        var docs = await page.EvaluateExpressionAsync<string>("document.querySelector('.graphiql-doc-explorer-content').innerText");
        Assert.Contains("信访事项: the matter. Many petitions may concern one case.", docs, StringComparison.Ordinal);
        Assert.Contains("petitioners", docs, StringComparison.Ordinal);
        await ShotAsync(page, "04-docs-case");

        // Export the query to XLSX from the toolbar: the file is downloaded and opens with the rows of every page.
        await page.EvaluateFunctionAsync("q => document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue(q)",
            "{ cases(order: [{ number: ASC }]) { nodes { number openedAt village { name } } } }");
        await page.ClickAsync("[aria-label=\"导出 Excel (XLSX)\"]");
        await page.WaitForSelectorAsync(".wb-done", new WaitForSelectorOptions { Timeout = 60_000 });
        var file = await DownloadedAsync("*.xlsx");
        using (var book = SpreadsheetDocument.Open(file, false))
        {
            var rows = ExportTests.Sheet(book, "数据");
            Assert.Equal(["number", "openedAt", "village.name"], rows[0].Select(c => c.Text));
            Assert.Equal(Cases + 1, rows.Count);
        }
        await ShotAsync(page, "05-exported");

        // The examples: the README's and schema/operations', ready to open.
        await page.ClickAsync("[aria-label=\"Show 示例 Examples\"]");
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.wb-link')].some(b => b.textContent.startsWith('BacklogCasesOfCategory'))");
        await ShotAsync(page, "06-examples");

        // The home page: this month's figures and the latest reports; a report link opens the report.
        await page.GoToAsync(origin + "/");
        var home = await page.EvaluateExpressionAsync<string>("document.body.innerText");
        Assert.Contains("本月概况", home, StringComparison.Ordinal);
        Assert.Contains("信访工作月报", home, StringComparison.Ordinal);
        await ShotAsync(page, "07-home");
        await Task.WhenAll(page.WaitForNavigationAsync(), page.EvaluateExpressionAsync("[...document.querySelectorAll('a')].find(a => a.textContent === 'HTML').click()"));
        Assert.Matches("/reports/[0-9]+/report.html$", page.Url);
        Assert.Contains("信访工作月报", await page.EvaluateExpressionAsync<string>("document.querySelector('h1').textContent"), StringComparison.Ordinal);
        await ShotAsync(page, "08-report");

        // Signing out ends it: the home page is the sign-in again.
        await page.GoToAsync(origin + "/");
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("header.top form button"));
        await page.GoToAsync(origin + "/");
        Assert.Equal("/signin", new Uri(page.Url).AbsolutePath);
        Assert.DoesNotContain("本月概况", await page.EvaluateExpressionAsync<string>("document.body.innerText"), StringComparison.Ordinal);

        Assert.Empty(outside);
    }

    private async Task<string> DownloadedAsync(string pattern)
    {
        for (var i = 0; i < 300; i++)
        {
            if (Directory.GetFiles(_downloads.Path, pattern).FirstOrDefault() is { } file)
            {
                return file;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No {pattern} was downloaded into {_downloads.Path}.");
    }

    private async Task ShotAsync(IPage page, string name)
    {
        var folder = System.IO.Path.Combine(RepositoryRoot.Path, "tests", "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(System.IO.Path.Combine(folder, $"{provider.ToString().ToLowerInvariant()}-{name}.png"));
    }

    /// <summary>Debian's chromium (installed by .ci/run); the test fails, never skips, without it.</summary>
    internal static string Chromium() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => System.IO.Path.Combine(folder, "chromium")).FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("Chromium is needed for the browser tests: apt-get install chromium (.ci/run does).");
}

public sealed class WorkbenchBrowserTestsOnSqlite() : WorkbenchBrowserTests(DatabaseProvider.Sqlite);

public sealed class WorkbenchBrowserTestsOnPostgres() : WorkbenchBrowserTests(DatabaseProvider.Postgres);
