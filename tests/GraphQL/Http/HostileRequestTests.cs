using System.Net;
using System.Text;
using PetitionGraph.Api.Access;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.GraphQL.Http;

/// <summary>
/// The attack run's findings, each as it was sent: every one is refused quickly with a code, changes nothing, and none
/// is a 500 or an INTERNAL_ERROR.
/// </summary>
public abstract class HostileRequestTests(TestHost host)
{
    /// <summary>F0 selects two fields; each F(n) spreads F(n-1) twice, so F24 expands to about 2^25 fields in 1.2 KB.</summary>
    public static string FragmentFanOut(int levels)
    {
        var text = new StringBuilder("fragment F0 on Case { id number } ");
        for (var i = 1; i <= levels; i++)
        {
            text.Append($"fragment F{i} on Case {{ ...F{i - 1} a{i}: id ...F{i - 1} }} ");
        }
        return text.Append($"{{ cases(first: 1) {{ nodes {{ ...F{levels} }} }} }}").ToString();
    }

    /// <summary>cases → petitioners → cases → …: each hop nests two list filters.</summary>
    public static string NestedListFilter(int hops)
    {
        var where = "number: { startsWith: \"20\" }";
        for (var i = 0; i < hops; i++)
        {
            where = $"petitioners: {{ some: {{ cases: {{ some: {{ {where} }} }} }} }}";
        }
        return $"{{ cases(where: {{ {where} }}) {{ totalCount }} }}";
    }

    [Fact]
    public async Task A_fragment_fan_out_is_refused_before_validation_expands_it()
    {
        var response = await host.Client.PostAsync(FragmentFanOut(24));
        Assert.Equal("COMPLEXITY", response.ErrorCodes[0]);
        Assert.Contains("fragments are expanded", response.FirstErrorMessage, StringComparison.Ordinal);
        Assert.False(response.Body.TryGetProperty("data", out _));

        // A handful of levels is an ordinary document and runs.
        var small = await host.Client.QueryAsync(FragmentFanOut(3));
        Assert.Equal(1, small.GetProperty("cases").GetProperty("nodes").GetArrayLength());
    }

    [Fact]
    public async Task A_document_nested_past_the_parsers_depth_is_a_syntax_error()
    {
        var list = new string('[', 300) + "\"2020\"" + new string(']', 300);
        var response = await host.Client.PostAsync("{ cases(where: { number: { in: " + list + " } }) { totalCount } }");
        Assert.Equal("SYNTAX_ERROR", response.ErrorCodes[0]);
    }

    [Fact]
    public async Task What_the_fuzzer_found_is_answered_with_codes()
    {
        // A bare carriage return next to a syntax error made the parser itself fail while quoting the source.
        Assert.Equal("SYNTAX_ERROR", (await host.Client.PostAsync("{ leaders(f\rst: 2) { nodes { name } } }")).ErrorCodes[0]);
        // An ID given as a number is an ID like any other (here: not a case's).
        var numeric = await host.Client.QueryAsync("mutation($c: ID!) { acceptCase(input: { caseId: $c }) { userErrors { code } } }", new { c = 455977745 });
        Assert.Equal("VALIDATION", numeric.GetProperty("acceptCase").GetProperty("userErrors")[0].GetProperty("code").GetString());
        // null in an enum list matches nothing, since a petition's level is never missing.
        var withNull = await host.Client.QueryAsync("{ petitions(where: { level: { in: [PROVINCE, null, NATIONAL] } }) { totalCount } }");
        var without = await host.Client.QueryAsync("{ petitions(where: { level: { in: [PROVINCE, NATIONAL] } }) { totalCount } }");
        Assert.Equal(without.GetRawText(), withNull.GetRawText());
    }

    [Fact]
    public async Task List_filters_nested_too_deep_or_too_many_are_refused_and_three_levels_run()
    {
        // Two hops of cases → petitioners → cases nest four lists: one too many.
        var deep = await host.Client.PostAsync(NestedListFilter(2));
        Assert.Equal("INVALID_ARGUMENT", deep.ErrorCodes[0]);
        Assert.Contains("nest at most 3", deep.FirstErrorMessage, StringComparison.Ordinal);

        // Three lists deep runs: every case's petitioner has a case with petitions, so it is every case with a petitioner.
        var allowed = await host.Client.QueryAsync("{ cases(where: { petitioners: { some: { cases: { some: { petitions: { any: true } } } } } }) { totalCount } }");
        var withPetitioners = await host.Client.QueryAsync("{ cases(where: { petitioners: { any: true } }) { totalCount } }");
        Assert.Equal(withPetitioners.GetProperty("cases").GetProperty("totalCount").GetInt32(), allowed.GetProperty("cases").GetProperty("totalCount").GetInt32());

        var wide = "{ cases(where: { or: [" + string.Join(", ", Enumerable.Range(0, 30).Select(i => $"{{ petitions: {{ some: {{ peopleCount: {{ eq: {i} }} }} }} }}")) + "] }) { totalCount } }";
        Assert.Equal("INVALID_ARGUMENT", (await host.Client.PostAsync(wide)).ErrorCodes[0]);
    }

    [Theory]
    [InlineData("{\"query\":\"query($a: Int) { __typename }\",\"variables\":{\"a\":1,\"a\":2}}")]
    [InlineData("{\"query\":\"{ __typename }\",\"extensions\":{\"x\":1,\"x\":2}}")]
    [InlineData("{\"query\":\"query($a: String) { __typename }\",\"variables\":{\"a\":\"\\ud800\"}}")]
    [InlineData("{\"query\":\"{ __typename \\ud800 }\"}")]
    public async Task Malformed_variables_and_strings_are_bad_requests(string body)
    {
        var response = await SendRawAsync(Encoding.UTF8.GetBytes(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("BAD_REQUEST", response.ErrorCodes[0]);
    }

    [Fact]
    public async Task A_body_that_is_not_UTF_8_is_a_bad_request()
    {
        var body = Encoding.UTF8.GetBytes("{\"query\":\"{ cases(where: { title: { eq: \\\"X\\\" } }) { totalCount } }\"}");
        var invalid = body.ToArray();
        invalid[Array.IndexOf(invalid, (byte)'X')] = 0xFF;
        var response = await SendRawAsync(invalid);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("BAD_REQUEST", response.ErrorCodes[0]);
    }

    [Theory]
    [InlineData("{ cases(where: { title: { endsWith: \"\\u0000\" } }) { totalCount } }", null)]
    [InlineData("query($t: String) { cases(where: { title: { contains: $t } }) { totalCount } }", "a\0b")]
    [InlineData("mutation($t: String) { registerPetition(input: { receivedAt: \"2026-10-01\", channel: LETTER, title: $t, demand: \"d\", categoryCode: \"OTHER\", villageCode: \"9901001\", petitioners: [{ name: \"甲\" }] }) { userErrors { code } } }", "标题\0")]
    public async Task A_NUL_character_in_a_string_is_refused_on_every_database(string query, string? variable)
    {
        var before = await host.Client.QueryAsync("{ cases { totalCount } }");
        var response = await host.Client.PostAsync(query, variable is null ? null : new { t = variable });
        Assert.Equal("INVALID_ARGUMENT", response.ErrorCodes[0]);
        Assert.Contains("NUL", response.FirstErrorMessage, StringComparison.Ordinal);
        var after = await host.Client.QueryAsync("{ cases { totalCount } }");
        Assert.Equal(before.GetRawText(), after.GetRawText());
    }

    [Theory]
    [InlineData("{ keyCases(at: \"0001-01-01\") { keyClass count } }")]
    [InlineData("{ keyCases(since: \"9999-12-31\") { keyClass count } }")]
    [InlineData("{ statistics(from: \"0001-01-01\", to: \"0001-02-01\") { buckets { stock } } }")]
    [InlineData("{ stockAt(at: \"0001-01-01T00:00:00Z\") { stock } }")]
    public async Task Instants_at_the_edge_of_the_calendar_are_refused_as_arguments(string query)
    {
        var response = await host.Client.PostAsync(query);
        Assert.Equal("ARGUMENTS_OF_CORRECT_TYPE", response.ErrorCodes[0]);
        Assert.Contains("Expected type 'DateTime'", response.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Statistics_and_ledgers_are_costed_by_what_they_compute()
    {
        var manyYears = "{ " + string.Concat(Enumerable.Range(0, 100).Select(i => $"a{i}: statistics(from: \"2021-01-01\", to: \"2023-09-27\", interval: DAY) {{ buckets {{ stock }} }} ")) + "}";
        Assert.Equal("COMPLEXITY", (await host.Client.PostAsync(manyYears)).ErrorCodes[0]);
        var ledgers = "{ " + string.Concat(Enumerable.Range(0, 20).Select(i => $"a{i}: ledgerRows(kind: OWNERSHIP) ")) + "}";
        Assert.Equal("COMPLEXITY", (await host.Client.PostAsync(ledgers)).ErrorCodes[0]);

        // One of each is an ordinary request.
        var one = await host.Client.QueryAsync("{ statistics(from: \"2025-01-01\", to: \"2026-01-01\", interval: DAY, groupBy: [VILLAGE]) { buckets { stock } } ledgerRows(kind: OWNERSHIP) }");
        Assert.True(one.GetProperty("statistics").GetProperty("buckets").GetArrayLength() >= 365);
    }

    [Theory]
    [InlineData("%7B%7D%2C%22kind%22%3A%22CASES%22")]
    [InlineData("%7B%22number%22%3A%7B%22eq%22%3A%222020-0001%22%7D%2C%22number%22%3A%7B%22eq%22%3A%222020-0002%22%7D%7D")]
    [InlineData("%5B1%2C2%5D")]
    [InlineData("%7B%22title%22%3A%7B%22eq%22%3A%22%5Cud800%22%7D%7D")]
    public async Task A_ledger_where_that_is_not_one_JSON_object_is_a_bad_request(string where)
    {
        var response = await host.Client.Http.GetAsync(new Uri("/ledgers/ownership.csv?where=" + where, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("BAD_REQUEST", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_with_several_roles_is_refused_with_a_reason()
    {
        var options = host.Services.GetRequiredService<AuthOptions>();
        var handler = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler();
        var token = handler.CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Claims = new Dictionary<string, object> { ["sub"] = "two-hats", ["role"] = new[] { "ANALYST", "OFFICE" } },
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new(host.Services.GetRequiredService<TokenIssuer>().Key, Microsoft.IdentityModel.Tokens.SecurityAlgorithms.HmacSha256),
        });
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var response = await new GraphQLClient(http).PostAsync("{ cases { totalCount } }");
        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        // No Accept-Language: the office's language.
        Assert.Contains("多个角色", response.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_trail_keeps_a_querys_shape_without_its_values()
    {
        var user = "audit-shape-" + Guid.NewGuid().ToString("N")[..8];
        var office = host.ClientAs(Role.Office, user);
        await office.QueryAsync("{ petitioners(first: 1, where: { name: { startsWith: \"王\" } }) { nodes { name phone } } } # 身份证 99010119800101001X");
        var trail = await host.ClientAs(Role.Admin, "admin-" + user).QueryAsync("query($a: String) { auditTrail(actor: $a) { nodes { operation } } }", new { a = user });
        var operation = trail.GetProperty("auditTrail").GetProperty("nodes")[0].GetProperty("operation").GetString()!;
        Assert.Contains("petitioners", operation, StringComparison.Ordinal);
        Assert.Contains("startsWith", operation, StringComparison.Ordinal);
        Assert.DoesNotContain("王", operation, StringComparison.Ordinal);
        Assert.DoesNotContain("99010119800101001X", operation, StringComparison.Ordinal);
        Assert.DoesNotContain("1", operation, StringComparison.Ordinal);
    }

    private async Task<GraphQLResponse> SendRawAsync(byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        return await host.Client.SendAsync(request);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class HostileRequestTestsOnSqlite(SqliteHost host) : HostileRequestTests(host);

[Collection(PostgresCollection.Name)]
public sealed class HostileRequestTestsOnPostgres(PostgresHost host) : HostileRequestTests(host);
