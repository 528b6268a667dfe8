using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Data;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Docs;

/// <summary>Every request in docs/examples.http is sent to the service with demo data and gets the status it names.</summary>
public abstract partial class HttpExampleTests(DatabaseProvider provider) : IAsyncLifetime
{
    private CustomHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = new CustomHost(provider, await CustomHost.NewDatabaseAsync(provider), 0, new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "true",
            ["Seed:DemoCases"] = "300",
        });
        await _host.InitializeAsync();
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Every_request_in_the_examples_file_gets_its_status()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "docs", "examples.http"));
        var token = (await DemoTokens.IssueAsync(_host.Services, CancellationToken.None)).First(t => t.Role == Role.Office).Token;
        var variables = new Dictionary<string, string> { ["host"] = _host.BaseAddress.ToString().TrimEnd('/'), ["token"] = token };
        var responses = new Dictionary<string, JsonElement>();
        var requests = text.Split("\n###").Skip(1).ToList();
        Assert.True(requests.Count >= 10, $"{requests.Count} requests");
        using var http = new HttpClient();
        foreach (var block in requests)
        {
            var lines = block.Split('\n').Skip(1).ToList();
            var expect = int.Parse(lines.Select(l => Expect().Match(l)).First(m => m.Success).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var name = lines.Select(l => Name().Match(l)).FirstOrDefault(m => m.Success)?.Groups[1].Value;
            var rest = lines.Where(l => !l.StartsWith('#')).SkipWhile(string.IsNullOrWhiteSpace).ToList();
            var requestLine = Substitute(rest[0], variables, responses).Split(' ', 2);
            using var request = new HttpRequestMessage(new HttpMethod(requestLine[0]), requestLine[1].Trim());
            var headerEnd = rest.FindIndex(1, string.IsNullOrWhiteSpace);
            var headers = rest.Skip(1).Take((headerEnd < 0 ? rest.Count : headerEnd) - 1).Select(h => Substitute(h, variables, responses).Split(':', 2)).ToList();
            var body = headerEnd < 0 ? "" : string.Join('\n', rest.Skip(headerEnd + 1)).Trim();
            if (body.Length > 0)
            {
                request.Content = new StringContent(body, Encoding.UTF8, headers.FirstOrDefault(h => h[0] == "Content-Type")?[1].Trim() ?? "application/json");
            }
            foreach (var header in headers.Where(h => h[0] != "Content-Type"))
            {
                request.Headers.TryAddWithoutValidation(header[0], header[1].Trim());
            }
            using var response = await http.SendAsync(request);
            var content = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode == expect, $"{requestLine[0]} {requestLine[1]}: HTTP {(int)response.StatusCode}, the file expects {expect}: {content[..Math.Min(300, content.Length)]}");
            Assert.DoesNotContain("\"errors\"", expect == (int)HttpStatusCode.OK ? content : "", StringComparison.Ordinal);
            if (name is not null)
            {
                responses[name] = JsonDocument.Parse(content).RootElement.Clone();
            }
        }
    }

    /// <summary>{{name}} from the file's variables, {{request.response.body.$.a.b[0].c}} from a named response.</summary>
    private static string Substitute(string line, Dictionary<string, string> variables, Dictionary<string, JsonElement> responses) =>
        Placeholder().Replace(line, m =>
        {
            var key = m.Groups[1].Value;
            if (variables.TryGetValue(key, out var value))
            {
                return value;
            }
            var parts = key.Split(".response.body.$.", 2);
            var element = responses[parts[0]];
            foreach (Match step in PathStep().Matches(parts[1]))
            {
                element = step.Groups[2].Success ? element.GetProperty(step.Groups[1].Value)[int.Parse(step.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)] : element.GetProperty(step.Groups[1].Value);
            }
            return element.ToString();
        });

    [GeneratedRegex(@"^#\s*expect:\s*(\d{3})")]
    private static partial Regex Expect();

    [GeneratedRegex(@"^#\s*@name\s+(\w+)")]
    private static partial Regex Name();

    [GeneratedRegex(@"\{\{([^}]+)\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"(\w+)(?:\[(\d+)\])?")]
    private static partial Regex PathStep();
}

public sealed class HttpExampleTestsOnSqlite() : HttpExampleTests(DatabaseProvider.Sqlite);

public sealed class HttpExampleTestsOnPostgres() : HttpExampleTests(DatabaseProvider.Postgres);
