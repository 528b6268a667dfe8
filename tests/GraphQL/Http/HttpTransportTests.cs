using System.Net;
using System.Text;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.GraphQL.Http;

/// <summary>GraphQL over HTTP: methods, media types and status codes of the specification.</summary>
public abstract class HttpTransportTests(TestHost host)
{
    private const string GraphQLResponse = "application/graphql-response+json";

    [Fact]
    public async Task Get_runs_a_query()
    {
        var response = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("{ categories(first: 100) { totalCount } }")));
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(9, response.Data.GetProperty("categories").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Get_takes_variables_as_json()
    {
        var query = Uri.EscapeDataString("query($n: String!) { caseByNumber(number: $n) { number } }");
        var variables = Uri.EscapeDataString("""{"n":"2019-0001"}""");
        var response = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/graphql?query={query}&variables={variables}"));
        Assert.Equal("2019-0001", response.Data.GetProperty("caseByNumber").GetProperty("number").GetString());
    }

    [Fact]
    public async Task Get_never_runs_a_mutation()
    {
        var query = Uri.EscapeDataString("mutation { createVillage(input: { code: \"GETX\", name: \"经GET\", kind: VILLAGE }) { village { id } } }");
        var response = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + query));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        var check = await host.Client.QueryAsync("""{ villages(where: { code: { eq: "GETX" } }) { totalCount } }""");
        Assert.Equal(0, check.GetProperty("villages").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task The_graphql_response_media_type_is_used_when_accepted()
    {
        var response = await host.Client.PostAsync("{ categories { totalCount } }", accept: GraphQLResponse);
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.StartsWith(GraphQLResponse, response.ContentType, StringComparison.Ordinal);
        Assert.Contains("charset=utf-8", response.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_syntax_error_is_400_with_graphql_response_json_and_200_with_application_json()
    {
        var strict = await host.Client.PostAsync("{ cases { ", accept: GraphQLResponse);
        Assert.Equal(HttpStatusCode.BadRequest, strict.Status);
        Assert.Equal("SYNTAX_ERROR", Assert.Single(strict.ErrorCodes));
        Assert.False(strict.Body.TryGetProperty("data", out _));

        var legacy = await host.Client.PostAsync("{ cases { ", accept: "application/json");
        Assert.Equal(HttpStatusCode.OK, legacy.Status);
        Assert.Equal("SYNTAX_ERROR", Assert.Single(legacy.ErrorCodes));
    }

    [Fact]
    public async Task An_unknown_field_is_a_validation_error_with_a_code_and_a_helpful_message()
    {
        var response = await host.Client.PostAsync("{ cases { nodes { numbr } } }", accept: GraphQLResponse);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", Assert.Single(response.ErrorCodes));
        Assert.Contains("number", response.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_variable_of_the_wrong_type_is_refused_with_a_code()
    {
        var response = await host.Client.PostAsync("query($n: Int) { cases(first: $n) { totalCount } }", new { n = "ten" });
        Assert.NotEmpty(response.ErrorCodes);
        Assert.All(response.ErrorCodes, code => Assert.False(string.IsNullOrEmpty(code)));
    }

    [Fact]
    public async Task A_cached_document_still_checks_its_variables()
    {
        const string query = "query Cached($n: Int, $status: [CaseStatus!]) { cases(first: $n, where: { status: { in: $status } }) { totalCount } }";
        var first = await host.Client.QueryAsync(query, new { n = 1, status = new[] { "RESOLVED" } });
        var again = await host.Client.QueryAsync(query, new { n = 1, status = new[] { "RESOLVED" } });
        Assert.Equal(first.GetRawText(), again.GetRawText());
        var wrongType = await host.Client.PostAsync(query, new { n = "ten" });
        Assert.NotEmpty(wrongType.ErrorCodes);
        var wrongEnum = await host.Client.PostAsync(query, new { n = 1, status = new[] { "OPEN" } });
        Assert.NotEmpty(wrongEnum.ErrorCodes);
    }

    [Fact]
    public async Task A_cached_document_keeps_its_own_literal_arguments_and_reads_variables_afresh()
    {
        static async Task<string[]> NumbersAsync(GraphQLClient client, string query, object? variables = null) =>
            [.. (await client.QueryAsync(query, variables)).GetProperty("cases").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("number").GetString()!)];
        const string two = "{ cases(first: 2, order: [{ number: ASC }]) { nodes { number } } }";
        const string three = "{ cases(first: 3, order: [{ number: DESC }]) { nodes { number } } }";
        var firstTwo = await NumbersAsync(host.Client, two);
        var lastThree = await NumbersAsync(host.Client, three);
        Assert.Equal(2, firstTwo.Length);
        Assert.Equal(3, lastThree.Length);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(firstTwo, await NumbersAsync(host.Client, two));
            Assert.Equal(lastThree, await NumbersAsync(host.Client, three));
        }

        const string byVariable = "query($n: Int = 2) { cases(first: $n, order: [{ number: ASC }]) { nodes { number } } }";
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(firstTwo, await NumbersAsync(host.Client, byVariable));
        }
        Assert.Equal(4, (await NumbersAsync(host.Client, byVariable, new { n = 4 })).Length);
        Assert.Equal(firstTwo, await NumbersAsync(host.Client, byVariable));
    }

    [Theory]
    [InlineData("not json", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("""{"query": 1}""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("""{"variables": {}}""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("""{"query": "{ categories { totalCount } }", "variables": "x"}""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("""[{"query": "{ categories { totalCount } }"}]""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("""{"query": "{ categories { totalCount } }"}""", "text/plain", HttpStatusCode.UnsupportedMediaType)]
    public async Task A_malformed_request_is_refused_with_a_status_and_a_code(string body, string contentType, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, contentType) };
        var response = await host.Client.SendAsync(request);
        Assert.Equal(status, response.Status);
        Assert.Equal("BAD_REQUEST", Assert.Single(response.ErrorCodes));
    }

    [Fact]
    public async Task An_unacceptable_accept_header_is_406()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7B__typename%7D");
        request.Headers.Accept.ParseAdd("text/html");
        Assert.Equal(HttpStatusCode.NotAcceptable, (await host.Client.SendAsync(request)).Status);
    }

    [Fact]
    public async Task Chinese_text_is_sent_as_readable_utf8_not_escaped()
    {
        var raw = await host.Client.Http.GetStringAsync("/graphql?query=" + Uri.EscapeDataString("{ categories(where: { code: { eq: \"LAND\" } }) { nodes { nameZh } } }"));
        Assert.Contains("征地拆迁", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_and_readiness_answer()
    {
        Assert.Equal("ok", await host.Client.Http.GetStringAsync("/healthz"));
        Assert.Equal("ready", await host.Client.Http.GetStringAsync("/readyz"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class HttpTransportTestsOnSqlite(SqliteHost host) : HttpTransportTests(host);

[Collection(PostgresCollection.Name)]
public sealed class HttpTransportTestsOnPostgres(PostgresHost host) : HttpTransportTests(host);
