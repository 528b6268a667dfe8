using System.Text.Json;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Data;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Docs;

/// <summary>
/// Every GraphQL example in the README runs, in order, against the demo data exactly as `dotnet run --project api`
/// loads it (3,000 cases, seed 42, the office clock at the demo's reference instant), with the demo token of the
/// role it names, and must give the output the README shows. PETITIONGRAPH_UPDATE_README=1 writes the actual outputs
/// into the README instead (on SQLite), for a person to read before committing.
/// </summary>
public abstract class ReadmeExampleTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly string Readme = Path.Combine(RepositoryRoot.Path, "README.md");
    private CustomHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = new CustomHost(provider, await CustomHost.NewDatabaseAsync(provider), 0, new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "true",
            ["Seed:DemoCases"] = "3000",
            ["Seed:RandomSeed"] = "42",
            ["Reports:SchedulerEnabled"] = "false",
            ["Reports:Pdf:Enabled"] = "false",
        });
        await _host.InitializeAsync();
        // As `dotnet run` leaves the demo: its scheduler makes the default schedules' reports on start, which closes
        // their periods — so an example dated in a closed month would be refused there, and must be here too.
        await _host.Services.GetRequiredService<Api.Reports.ReportScheduler>().TickAsync(CancellationToken.None);
        // And its reminders: the first tick makes the reminders due at the reference instant.
        await _host.Services.GetRequiredService<Api.Reminders.ReminderService>().TickAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Every_example_gives_the_output_the_README_shows()
    {
        Assert.Equal(DemoMode.ReferenceInstant, _host.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        var lines = await File.ReadAllLinesAsync(Readme);
        var examples = ReadmeExample.Parse(lines);
        Assert.True(examples.Count >= 8, $"only {examples.Count} examples found");
        var tokens = (await DemoTokens.IssueAsync(_host.Services, CancellationToken.None)).ToDictionary(t => EnumNames.Name(t.Role), t => t.Token);
        var update = provider == DatabaseProvider.Sqlite && Environment.GetEnvironmentVariable("PETITIONGRAPH_UPDATE_README") == "1";
        var mismatches = new List<string>();
        var replacements = new List<(ReadmeExample Example, string Output)>();
        foreach (var example in examples)
        {
            Assert.True(tokens.ContainsKey(example.Role), $"README line {example.Line}: no demo token for role {example.Role}");
            using var http = new HttpClient { BaseAddress = _host.BaseAddress };
            http.DefaultRequestHeaders.Authorization = new("Bearer", tokens[example.Role]);
            object? variables = example.Variables is null ? null : JsonSerializer.Deserialize<JsonElement>(example.Variables);
            var response = await new GraphQLClient(http).PostAsync(example.Query, variables);
            if (example.Mismatch(response.Body) is { } difference)
            {
                mismatches.Add($"README line {example.Line} (as {example.Role}): {difference}");
            }
            replacements.Add((example, example.Render(response.Body)));
        }
        if (update)
        {
            var text = lines.ToList();
            foreach (var (example, output) in replacements.OrderByDescending(r => r.Example.OutputStart))
            {
                text.RemoveRange(example.OutputStart, example.OutputEnd - example.OutputStart);
                text.InsertRange(example.OutputStart, output.Split('\n'));
            }
            await File.WriteAllLinesAsync(Readme, text);
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    /// <summary>The export example under "For analysts": its curl command's request, and the first lines of the file shown.</summary>
    [Fact]
    public async Task The_export_example_gives_the_rows_the_README_shows()
    {
        var lines = (await File.ReadAllLinesAsync(Readme)).ToList();
        var curl = lines.FindIndex(l => l.StartsWith("curl -s \"http://127.0.0.1:5080/graphql/export", StringComparison.Ordinal));
        Assert.True(curl > 0, "the README has an export example");
        var role = lines[curl - 1].Replace("# token: ", "", StringComparison.Ordinal).Trim();
        var format = System.Text.RegularExpressions.Regex.Match(lines[curl], "format=(\\w+)").Groups[1].Value;
        var body = System.Text.RegularExpressions.Regex.Match(lines[curl + 1], "-d '(.*)'").Groups[1].Value;
        var shown = System.Text.RegularExpressions.Regex.Match(lines[curl + 2], "head -(\\d+)").Groups[1].Value;
        var start = lines.FindIndex(curl, l => l == "```csv") + 1;
        var end = lines.FindIndex(start, l => l == "```");

        var token = (await DemoTokens.IssueAsync(_host.Services, CancellationToken.None)).Single(t => EnumNames.Name(t.Role) == role).Token;
        using var http = new HttpClient { BaseAddress = _host.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using var response = await http.PostAsync($"/graphql/export?format={format}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var file = await response.Content.ReadAsStringAsync();
        var head = file.TrimStart('\uFEFF').Split("\r\n").Take(int.Parse(shown, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        if (provider == DatabaseProvider.Sqlite && Environment.GetEnvironmentVariable("PETITIONGRAPH_UPDATE_README") == "1")
        {
            lines.RemoveRange(start, end - start);
            lines.InsertRange(start, head);
            await File.WriteAllLinesAsync(Readme, lines);
        }
        Assert.Equal(lines.Skip(start).Take(end - start), head);
    }
}

public sealed class ReadmeExampleTestsOnSqlite() : ReadmeExampleTests(DatabaseProvider.Sqlite);

public sealed class ReadmeExampleTestsOnPostgres() : ReadmeExampleTests(DatabaseProvider.Postgres);
