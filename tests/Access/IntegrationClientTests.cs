using System.Net;
using System.Text;
using System.Text.Json;
using PetitionGraph.Api.Access;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Access;

/// <summary>District systems: API keys stored as hashes, persisted documents only, within their scopes.</summary>
public abstract class IntegrationClientTests(TestHost host)
{
    private static readonly string Operations = Path.Combine(RepositoryRoot.Path, "schema", "operations");

    [Fact]
    public async Task An_integration_client_calls_persisted_documents_within_its_scopes_only()
    {
        var admin = host.ClientAs(Role.Admin, "admin-integration");
        var created = await admin.QueryAsync("mutation($n: String!) { createApiClient(input: { name: $n, scopes: [\"statistics:read\"] }) { client { id key } userErrors { code } } }",
            new { n = "区系统" + Guid.NewGuid().ToString("N")[..6] });
        var client = created.GetProperty("createApiClient").GetProperty("client");
        var key = client.GetProperty("key").GetString()!;
        var figures = PersistedDocuments.Id(await File.ReadAllTextAsync(Path.Combine(Operations, "MonthlyFiguresByCategory.graphql")));
        var register = PersistedDocuments.Id(await File.ReadAllTextAsync(Path.Combine(Operations, "mutations", "RegisterPetition.graphql")));

        var ok = await SendAsync(key, new { documentId = figures, variables = new { from = "2026-01-01", to = "2026-03-01" } });
        Assert.Equal(HttpStatusCode.OK, ok.Status);
        Assert.Equal(18, ok.Body.GetProperty("data").GetProperty("statistics").GetProperty("buckets").GetArrayLength());

        var text = await SendAsync(key, new { query = "{ statistics(from: \"2026-01-01\", to: \"2026-02-01\") { buckets { stock } } }" });
        Assert.Equal(HttpStatusCode.Forbidden, text.Status);
        Assert.Equal("PERSISTED_DOCUMENT_REQUIRED", text.ErrorCodes[0]);

        var outside = await SendAsync(key, new { documentId = register, variables = new { input = new { caseNumber = "2026-0001", receivedAt = "2026-10-01", channel = "LETTER" } } });
        Assert.Equal("FORBIDDEN", outside.ErrorCodes[0]);

        var unknown = await SendAsync(key, new { documentId = "sha256:" + new string('0', 64) });
        Assert.Equal("PERSISTED_DOCUMENT_NOT_FOUND", unknown.ErrorCodes[0]);

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync("pgk_wrong", new { documentId = figures })).Status);
        await admin.QueryAsync("mutation($id: ID!) { deactivateApiClient(input: { clientId: $id }) { userErrors { code } } }", new { id = client.GetProperty("id").GetString() });
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(key, new { documentId = figures })).Status);
    }

    private async Task<GraphQLResponse> SendAsync(string key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", key);
        return await host.Anonymous().SendAsync(request);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class IntegrationClientTestsOnSqlite(SqliteHost host) : IntegrationClientTests(host);

[Collection(PostgresCollection.Name)]
public sealed class IntegrationClientTestsOnPostgres(PostgresHost host) : IntegrationClientTests(host);
