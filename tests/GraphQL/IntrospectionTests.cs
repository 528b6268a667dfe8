using System.Text.Json;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.GraphQL;

/// <summary>
/// The introspection queries of the tools district developers use, kept verbatim in tests/fixtures/introspection, pass
/// under the shipped limits; introspection built to be expensive does not.
/// </summary>
public abstract class IntrospectionTests(TestHost host)
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, "tests", "fixtures", "introspection");

    public static TheoryData<string> Fixtures() => [.. Directory.GetFiles(Folder, "*.graphql").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task A_tools_standard_introspection_query_passes_under_the_shipped_limits(string fixture)
    {
        var query = await File.ReadAllTextAsync(Path.Combine(Folder, fixture));
        var response = await host.Client.PostAsync(query);
        Assert.False(response.HasErrors, response.Body.ToString());
        var schema = response.Data.GetProperty("__schema");
        Assert.Equal("Query", schema.GetProperty("queryType").GetProperty("name").GetString());
        Assert.Equal("Subscription", schema.GetProperty("subscriptionType").GetProperty("name").GetString());
        var types = schema.GetProperty("types").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);
        Assert.Contains("CaseFilterInput", types.Keys);
        if (types["DateTime"].TryGetProperty("specifiedByURL", out var url))
        {
            Assert.Equal("https://datatracker.ietf.org/doc/html/rfc3339", url.GetString());
        }
        if (schema.GetProperty("directives")[0].TryGetProperty("isRepeatable", out var repeatable))
        {
            Assert.Equal(JsonValueKind.False, repeatable.ValueKind);
        }
    }

    [Fact]
    public async Task Introspection_nested_to_be_expensive_is_refused()
    {
        var nested = "{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }";
        var response = await host.Client.PostAsync(nested);
        Assert.Equal("COMPLEXITY", response.ErrorCodes[0]);
        var deep = "{ __type(name: \"Case\") { " + string.Concat(Enumerable.Repeat("ofType { ", 30)) + "name" + new string('}', 31) + " }";
        Assert.Equal("COMPLEXITY", (await host.Client.PostAsync(deep)).ErrorCodes[0]);
    }

    [Fact]
    public async Task Scalars_say_what_they_are()
    {
        var data = await host.Client.QueryAsync("{ dt: __type(name: \"DateTime\") { description specifiedByURL } long: __type(name: \"Long\") { description } }");
        Assert.Equal("https://datatracker.ietf.org/doc/html/rfc3339", data.GetProperty("dt").GetProperty("specifiedByURL").GetString());
        Assert.Contains("64-bit", data.GetProperty("long").GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class IntrospectionTestsOnSqlite(SqliteHost host) : IntrospectionTests(host);

[Collection(PostgresCollection.Name)]
public sealed class IntrospectionTestsOnPostgres(PostgresHost host) : IntrospectionTests(host);
