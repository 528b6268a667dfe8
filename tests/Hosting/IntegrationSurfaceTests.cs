using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OpenTelemetry.Trace;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Data;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Hosting;

/// <summary>
/// What a district developer's tools meet at the edge: CORS for one configured origin, Apollo's automatic persisted
/// queries, traces (caught by OpenTelemetry's in-memory exporter) and the protected Prometheus endpoint.
/// </summary>
public abstract class IntegrationSurfaceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string District = "https://district.example.gov.cn";
    private readonly List<Activity> _spans = [];
    private CustomHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = new CustomHost(provider, await CustomHost.NewDatabaseAsync(provider), 30, new Dictionary<string, string?>
        {
            ["Cors:AllowedOrigins:0"] = District,
            ["Telemetry:Tracing"] = "true",
        })
        {
            ExtraServices = services => services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(_spans)),
        };
        await _host.InitializeAsync();
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_preflight_from_the_configured_origin_is_allowed_and_from_any_other_is_not()
    {
        using var http = new HttpClient { BaseAddress = _host.BaseAddress };
        using var allowed = await http.SendAsync(Preflight(District));
        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal(District, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("authorization", allowed.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("POST", allowed.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);

        using var other = await http.SendAsync(Preflight("https://elsewhere.example"));
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("{\"query\":\"{ __typename }\"}", Encoding.UTF8, "application/json") };
        request.Headers.Add("Origin", District);
        request.Headers.Authorization = new("Bearer", _host.Services.GetRequiredService<TokenIssuer>().Issue("t", Role.Analyst));
        using var actual = await http.SendAsync(request);
        Assert.Equal(District, actual.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task Apollo_persisted_queries_answer_not_found_then_run_by_hash_once_registered()
    {
        var client = _host.ClientAs(Role.Analyst, "test-analyst");
        var query = "query Apq { categories { nodes { code } } }";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));
        var extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } };

        var missing = await SendAsync(client, new { extensions });
        Assert.Equal(HttpStatusCode.OK, missing.Status);
        Assert.Equal("PersistedQueryNotFound", missing.Body.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", missing.ErrorCodes[0]);

        Assert.False((await SendAsync(client, new { query, extensions })).HasErrors);
        var byHash = await SendAsync(client, new { extensions });
        Assert.NotEqual(0, byHash.Data.GetProperty("categories").GetProperty("nodes").GetArrayLength());
        using var get = await client.Http.GetAsync("/graphql?extensions=" + Uri.EscapeDataString(JsonSerializer.Serialize(extensions)));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);

        var mismatch = await SendAsync(client, new { query = query + " ", extensions });
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.Status);
        Assert.Equal("PERSISTED_QUERY_NOT_SUPPORTED", (await SendAsync(client, new { extensions = new { persistedQuery = new { version = 2, sha256Hash = hash } } })).ErrorCodes[0]);
    }

    [Fact]
    public async Task An_integration_client_runs_a_persisted_document_by_its_hash_but_cannot_register_other_text()
    {
        var admin = _host.ClientAs(Role.Admin, "test-admin");
        var key = (await admin.QueryAsync("mutation { createApiClient(input: { name: \"区系统APQ\", scopes: [\"cases:read\"] }) { client { key } } }"))
            .GetProperty("createApiClient").GetProperty("client").GetProperty("key").GetString()!;
        using var http = new HttpClient { BaseAddress = _host.BaseAddress };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        var integration = new GraphQLClient(http);
        var text = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "schema", "operations", "ChangesSince.graphql"));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        var byHash = await SendAsync(integration, new { extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } } });
        Assert.False(byHash.HasErrors, byHash.Body.ToString());
        var other = "query Mine { cases(first: 1) { totalCount } }";
        var refused = await SendAsync(integration, new { query = other, extensions = new { persistedQuery = new { version = 1, sha256Hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(other))) } } });
        Assert.Equal("PERSISTED_DOCUMENT_REQUIRED", refused.ErrorCodes[0]);
        var introspection = await SendAsync(integration, new { query = "{ __schema { queryType { name } } }" });
        Assert.False(introspection.HasErrors, introspection.Body.ToString());
    }

    [Fact]
    public async Task A_request_is_traced_as_its_operation_with_loader_spans_and_on_postgres_its_sql()
    {
        _spans.Clear();
        await _host.Client.QueryAsync("query CasesWithVillages { cases(first: 5) { nodes { number events(first: 2) { nodes { kind } } } } }");
        var until = DateTime.UtcNow.AddSeconds(5);
        var spans = Spans();
        while (!spans.Any(s => s.DisplayName == "query CasesWithVillages") && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
            spans = Spans();
        }
        var operation = spans.Single(s => s.DisplayName == "query CasesWithVillages");
        Assert.Equal("query", operation.GetTagItem("graphql.operation.type"));
        Assert.Equal("CasesWithVillages", operation.GetTagItem("graphql.operation.name"));
        var server = spans.Single(s => s.Kind == ActivityKind.Server && s.TraceId == operation.TraceId);
        Assert.Equal(server.SpanId, operation.ParentSpanId);
        Assert.Contains(spans, s => s.DisplayName.StartsWith("loader ", StringComparison.Ordinal) && s.TraceId == operation.TraceId);
        if (provider == DatabaseProvider.Postgres)
        {
            Assert.Contains(spans, s => s.Source.Name == "Npgsql" && s.TraceId == operation.TraceId);
        }
    }

    [Fact]
    public async Task Metrics_are_served_to_administrators_only()
    {
        using var anonymous = await new HttpClient { BaseAddress = _host.BaseAddress }.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var analyst = await _host.ClientAs(Role.Analyst, "a").Http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.Forbidden, analyst.StatusCode);
        await _host.Client.QueryAsync("query Counted { categories { nodes { code } } }");
        var admin = _host.ClientAs(Role.Admin, "test-admin").Http;
        var text = "";
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!text.Contains("graphql_operation_name=\"Counted\"", StringComparison.Ordinal) && DateTime.UtcNow < until)
        {
            text = await admin.GetStringAsync("/metrics");
            await Task.Delay(200);
        }
        Assert.Contains("petitiongraph_graphql_requests_total{", text, StringComparison.Ordinal);
        Assert.Contains("graphql_operation_name=\"Counted\"", text, StringComparison.Ordinal);
        Assert.Contains("error_code=\"none\"", text, StringComparison.Ordinal);
    }

    /// <summary>The spans exported so far; the exporter appends from other threads, so copy until a copy succeeds.</summary>
    private List<Activity> Spans()
    {
        while (true)
        {
            try
            {
                return [.. _spans];
            }
            catch (InvalidOperationException)
            {
                // Appended to while copying: copy again.
            }
        }
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization, content-type");
        return request;
    }

    private static async Task<GraphQLResponse> SendAsync(GraphQLClient client, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json") };
        return await client.SendAsync(request);
    }
}

public sealed class IntegrationSurfaceTestsOnSqlite() : IntegrationSurfaceTests(DatabaseProvider.Sqlite);

public sealed class IntegrationSurfaceTestsOnPostgres() : IntegrationSurfaceTests(DatabaseProvider.Postgres);
