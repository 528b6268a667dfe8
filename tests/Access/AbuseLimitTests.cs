using System.Net;
using System.Text;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Data;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Access;

/// <summary>Deep, costly, oversized, slow and too frequent requests are refused quickly, each with its own code.</summary>
public abstract class AbuseLimitTests(DatabaseProvider provider) : IAsyncLifetime
{
    private CustomHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = new CustomHost(provider, await CustomHost.NewDatabaseAsync(provider), 30, new Dictionary<string, string?>
        {
            ["Limits:RequestsPerMinute"] = "5",
            ["Limits:MaxRequestBytes"] = "4096",
        });
        await _host.InitializeAsync();
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Deep_wide_aliased_large_and_frequent_requests_are_refused_with_their_codes()
    {
        var client = _host.ClientAs(Role.Analyst, "limits");

        // Depth: cases → village → cases → village → … beyond the limit.
        var deep = new StringBuilder("{ cases(first: 1) { nodes { ");
        for (var i = 0; i < 8; i++)
        {
            deep.Append("village { cases(first: 1) { nodes { ");
        }
        deep.Append("number").Append(string.Concat(Enumerable.Repeat(" } } }", 8))).Append(" } } }");
        var deepResponse = await client.PostAsync(deep.ToString());
        Assert.True(deepResponse.HasErrors);
        Assert.Contains(deepResponse.ErrorCodes, code => code is not null && code.Contains("COMPLEXITY", StringComparison.OrdinalIgnoreCase));
        Assert.False(deepResponse.Body.TryGetProperty("data", out var data) && data.ValueKind == System.Text.Json.JsonValueKind.Object);

        // Cost: many aliased pages of 100 cases with nested pages multiply.
        var wide = "{ " + string.Concat(Enumerable.Range(0, 20).Select(i =>
            $"a{i}: cases(first: 100) {{ nodes {{ events(first: 100) {{ nodes {{ kind }} }} petitions {{ level }} }} }} ")) + "}";
        var wideResponse = await client.PostAsync(wide);
        Assert.Contains(wideResponse.ErrorCodes, code => code is not null && code.Contains("COMPLEXITY", StringComparison.OrdinalIgnoreCase));

        // Size: a body over the limit never reaches the parser.
        var large = await client.PostAsync("{ cases(first: 1) { totalCount } }" + new string(' ', 5000));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.Status);
        Assert.Equal("PAYLOAD_TOO_LARGE", large.ErrorCodes[0]);

        // Batches: an array of operations is not accepted (the batch limit is one).
        using var batch = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("[{\"query\":\"{ __typename }\"},{\"query\":\"{ __typename }\"}]", Encoding.UTF8, "application/json"),
        };
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(batch)).Status);

        // Rate: the fifth request of the minute is the last one allowed (four were sent above).
        var last = await client.PostAsync("{ __typename }");
        Assert.Equal(HttpStatusCode.OK, last.Status);
        var refused = await client.Http.PostAsync(new Uri("/graphql", UriKind.Relative), new StringContent("{\"query\":\"{ __typename }\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("RATE_LIMITED", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Another caller has a budget of its own.
        Assert.Equal(HttpStatusCode.OK, (await _host.ClientAs(Role.Analyst, "other").PostAsync("{ __typename }")).Status);
    }
}

public sealed class AbuseLimitTestsOnSqlite() : AbuseLimitTests(DatabaseProvider.Sqlite);

public sealed class AbuseLimitTestsOnPostgres() : AbuseLimitTests(DatabaseProvider.Postgres);

/// <summary>A request that runs past the execution limit is stopped with TIMEOUT (here the limit is zero seconds).</summary>
public abstract class TimeoutTests(DatabaseProvider provider) : IAsyncLifetime
{
    private CustomHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = new CustomHost(provider, await CustomHost.NewDatabaseAsync(provider), 10, new Dictionary<string, string?> { ["Limits:ExecutionSeconds"] = "0" });
        await _host.InitializeAsync();
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_request_over_the_time_limit_is_stopped_with_a_code()
    {
        var response = await _host.ClientAs(Role.Analyst, "slow").PostAsync("{ statistics(from: \"2020-01-01\", to: \"2022-09-01\", interval: DAY, groupBy: [VILLAGE, CATEGORY]) { buckets { label stock increment petitions village { name } category { code } } } }");
        Assert.Equal("TIMEOUT", response.ErrorCodes[0]);
        Assert.DoesNotContain("INTERNAL_ERROR", response.ErrorCodes);
    }
}

public sealed class TimeoutTestsOnSqlite() : TimeoutTests(DatabaseProvider.Sqlite);

public sealed class TimeoutTestsOnPostgres() : TimeoutTests(DatabaseProvider.Postgres);
