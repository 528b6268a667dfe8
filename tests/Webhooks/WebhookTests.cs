using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GraphQL;
using Microsoft.Extensions.Logging.Abstractions;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Webhooks;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Webhooks;

/// <summary>Signed webhooks against a real HTTP receiver on loopback: delivery, order, retries, pausing, replay, one delivery across instances.</summary>
public abstract class WebhookTests(TestHost host)
{
    private readonly GraphQLClient _admin = host.ClientAs(Role.Admin, "test-admin");

    [Fact]
    public async Task Each_change_is_delivered_once_in_order_signed_per_standard_webhooks_with_ids_only()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var fresh = await Changes.FreshCases.AcceptedAsync(host, 3);
        var (id, secret) = await SubscribeAsync(receiver.Url, kinds: ["ACTIVITY_RECORDED"]);
        try
        {
            var cases = await RecordActivitiesAsync(fresh);
            await DrainAsync(Dispatcher(), () => receiver.Deliveries.Count >= 3);
            var deliveries = receiver.Deliveries;
            Assert.Equal(3, deliveries.Count);
            var bodies = deliveries.Select(d => JsonDocument.Parse(d.Body).RootElement).ToList();
            Assert.Equal(cases, bodies.Select(b => b.GetProperty("data").GetProperty("caseNumber").GetString()!));
            Assert.All(bodies, b => Assert.Equal("case.activity_recorded", b.GetProperty("type").GetString()));
            var sequences = bodies.Select(b => b.GetProperty("data").GetProperty("sequence").GetInt64()).ToList();
            Assert.Equal(sequences.Order(), sequences);
            Assert.Equal(["caseId", "caseNumber", "entityId", "entityType", "kind", "sequence"],
                bodies[0].GetProperty("data").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
            foreach (var d in deliveries)
            {
                // Recomputed here, independently of the service's code: HMAC-SHA256 over "id.timestamp.body" with the key after whsec_.
                var key = Convert.FromBase64String(secret["whsec_".Length..]);
                var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{d.Id}.{d.Timestamp}.{d.Body}")));
                Assert.Equal(expected, d.Signature);
                Assert.True(Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - long.Parse(d.Timestamp, System.Globalization.CultureInfo.InvariantCulture)) < 300);
            }
            Assert.Equal(3, deliveries.Select(d => d.Id).Distinct().Count());
            var log = await _admin.QueryAsync("query($id: ID!) { webhookDeliveries(subscriptionId: $id) { succeeded statusCode attempt } }", new { id });
            Assert.All(log.GetProperty("webhookDeliveries").EnumerateArray(), d => Assert.Equal(204, d.GetProperty("statusCode").GetInt32()));
        }
        finally
        {
            await DeactivateAsync(id);
        }
    }

    [Theory]
    [InlineData(WebhookReceiver.Answer.ServerError, "HTTP 500")]
    [InlineData(WebhookReceiver.Answer.Slow, "no answer within")]
    [InlineData(WebhookReceiver.Answer.Drop, "")]
    public async Task A_failing_receiver_is_retried_with_growing_waits_and_nothing_after_it_overtakes(WebhookReceiver.Answer failure, string error)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.SlowFor = TimeSpan.FromSeconds(3);
        receiver.Behaviour = n => n < 2 ? failure : WebhookReceiver.Answer.Ok;
        var fresh = await Changes.FreshCases.AcceptedAsync(host, 2);
        var (id, _) = await SubscribeAsync(receiver.Url, kinds: ["ACTIVITY_RECORDED"]);
        try
        {
            var cases = await RecordActivitiesAsync(fresh);
            var patient = Dispatcher(retrySeconds: 30, timeoutSeconds: 1);
            await patient.TickAsync(CancellationToken.None);
            var state = await StateAsync(id);
            Assert.Equal(1, state.GetProperty("attempts").GetInt32());
            Assert.Contains(error, state.GetProperty("lastError").GetString(), StringComparison.Ordinal);
            var wait = DateTime.Parse(state.GetProperty("nextAttemptAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime() - DateTime.UtcNow;
            Assert.InRange(wait.TotalSeconds, 20, 31);
            Assert.Equal(0, await patient.TickAsync(CancellationToken.None)); // not due yet

            // An ADMIN's resume tries at once; the next failure waits only as long as this dispatcher says.
            await _admin.QueryAsync("mutation($id: ID!) { resumeWebhookSubscription(input: { subscriptionId: $id }) { userErrors { message } } }", new { id });
            var eager = Dispatcher(retrySeconds: 0.01, timeoutSeconds: 1);
            await DrainAsync(eager, () => receiver.Deliveries.Count(d => d.Answered == WebhookReceiver.Answer.Ok) >= 2);
            var delivered = receiver.Deliveries.Where(d => d.Answered == WebhookReceiver.Answer.Ok)
                .Select(d => JsonDocument.Parse(d.Body).RootElement.GetProperty("data").GetProperty("caseNumber").GetString()!).ToList();
            Assert.Equal(cases, delivered);
            // The first change was tried three times under one id; the second went out only after it.
            Assert.Equal(3, receiver.Deliveries.Count(d => d.Id == receiver.Deliveries[0].Id));
            Assert.Equal(0, (await StateAsync(id)).GetProperty("attempts").GetInt32());
        }
        finally
        {
            await DeactivateAsync(id);
        }
    }

    [Fact]
    public async Task A_receiver_failing_too_long_is_paused_with_the_reason_and_resumes_where_it_stopped()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Behaviour = _ => WebhookReceiver.Answer.ServerError;
        var fresh = await Changes.FreshCases.AcceptedAsync(host, 1);
        var (id, _) = await SubscribeAsync(receiver.Url, kinds: ["ACTIVITY_RECORDED"]);
        try
        {
            await RecordActivitiesAsync(fresh);
            var impatient = Dispatcher(retrySeconds: 0.01, pauseAfterHours: 0.3 / 3600);
            var until = DateTime.UtcNow.AddSeconds(20);
            while ((await StateAsync(id)).GetProperty("pausedAt").ValueKind == JsonValueKind.Null && DateTime.UtcNow < until)
            {
                await impatient.TickAsync(CancellationToken.None);
                await Task.Delay(50);
            }
            var paused = await StateAsync(id);
            Assert.Contains("deliveries have failed since", paused.GetProperty("pausedReason").GetString(), StringComparison.Ordinal);
            Assert.Contains("HTTP 500", paused.GetProperty("pausedReason").GetString(), StringComparison.Ordinal);
            var tried = receiver.Deliveries.Count;
            Assert.Equal(0, await impatient.TickAsync(CancellationToken.None));
            Assert.Equal(tried, receiver.Deliveries.Count);

            receiver.Behaviour = _ => WebhookReceiver.Answer.Ok;
            await _admin.QueryAsync("mutation($id: ID!) { resumeWebhookSubscription(input: { subscriptionId: $id }) { userErrors { message } } }", new { id });
            await DrainAsync(impatient, () => receiver.Deliveries.Any(d => d.Answered == WebhookReceiver.Answer.Ok));
            Assert.Single(receiver.Deliveries, d => d.Answered == WebhookReceiver.Answer.Ok);
        }
        finally
        {
            await DeactivateAsync(id);
        }
    }

    [Fact]
    public async Task Two_instances_deliver_each_change_once_and_a_replay_sends_again_under_the_same_ids()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var fresh = await Changes.FreshCases.AcceptedAsync(host, 12);
        var (id, _) = await SubscribeAsync(receiver.Url, kinds: ["ACTIVITY_RECORDED"]);
        try
        {
            await RecordActivitiesAsync(fresh);
            var one = Dispatcher();
            var two = Dispatcher();
            var until = DateTime.UtcNow.AddSeconds(30);
            while (receiver.Deliveries.Count < 12 && DateTime.UtcNow < until)
            {
                await Task.WhenAll(one.TickAsync(CancellationToken.None), two.TickAsync(CancellationToken.None));
            }
            Assert.Equal(12, receiver.Deliveries.Count);
            Assert.Equal(12, receiver.Deliveries.Select(d => d.Id).Distinct().Count());

            var first = JsonDocument.Parse(receiver.Deliveries[0].Body).RootElement.GetProperty("data").GetProperty("sequence").GetInt64();
            await _admin.QueryAsync("mutation($id: ID!, $from: Long!) { replayWebhookSubscription(input: { subscriptionId: $id, fromSequence: $from }) { userErrors { message } } }",
                new { id, from = first });
            await DrainAsync(one, () => receiver.Deliveries.Count >= 24);
            Assert.Equal(receiver.Deliveries.Take(12).Select(d => d.Id), receiver.Deliveries.Skip(12).Select(d => d.Id));
        }
        finally
        {
            await DeactivateAsync(id);
        }
    }

    [Fact]
    public async Task A_case_filter_limits_deliveries_to_the_cases_it_selects()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var mine = await Changes.FreshCases.AcceptedAsync(host, 2, "9901001");
        var other = await Changes.FreshCases.AcceptedAsync(host, 2, "9901002");
        var (id, _) = await SubscribeAsync(receiver.Url, kinds: null, where: new { village = new { code = new { eq = "9901001" } } });
        try
        {
            foreach (var (a, b) in mine.Zip(other))
            {
                await Changes.FreshCases.RecordActivityAsync(host, b.Id);
                await Changes.FreshCases.RecordActivityAsync(host, a.Id);
            }
            var expected = mine.Select(c => c.Number).ToList();
            await DrainAsync(Dispatcher(), () => receiver.Deliveries.Count >= expected.Count);
            await Dispatcher().TickAsync(CancellationToken.None);
            Assert.Equal(expected, receiver.Deliveries.Select(d => JsonDocument.Parse(d.Body).RootElement.GetProperty("data").GetProperty("caseNumber").GetString()!));
            Assert.All(receiver.Deliveries, d => Assert.Equal("case.activity_recorded", JsonDocument.Parse(d.Body).RootElement.GetProperty("type").GetString()));
        }
        finally
        {
            await DeactivateAsync(id);
        }
    }

    [Fact]
    public async Task Only_administrators_manage_webhooks_and_bad_input_is_refused()
    {
        var office = await host.Client.PostAsync("{ webhookSubscriptions { id } }");
        Assert.Equal("FORBIDDEN", office.ErrorCodes[0]);
        var client = await ClientAsync();
        var bad = await _admin.QueryAsync("mutation($c: ID!) { createWebhookSubscription(input: { clientId: $c, url: \"ftp://example\" }) { userErrors { code field } } }", new { c = client });
        Assert.Equal("url", bad.GetProperty("createWebhookSubscription").GetProperty("userErrors")[0].GetProperty("field").EnumerateArray().Last().GetString());
        var unknown = await _admin.QueryAsync("mutation { pauseWebhookSubscription(input: { subscriptionId: \"V2ViaG9va1N1YnNjcmlwdGlvbjo5OTk5\" }) { userErrors { code } } }");
        Assert.Equal("NOT_FOUND", unknown.GetProperty("pauseWebhookSubscription").GetProperty("userErrors")[0].GetProperty("code").GetString());
    }

    private WebhookDispatcher Dispatcher(double retrySeconds = 5, double timeoutSeconds = 5, double pauseAfterHours = 24) => new(
        host.Services,
        new WebhookOptions { RetrySeconds = retrySeconds, TimeoutSeconds = timeoutSeconds, PauseAfterHours = pauseAfterHours, LeaseSeconds = 30 },
        host.Services.GetRequiredService<IHttpClientFactory>(),
        host.Services.GetRequiredService<IGraphQLTextSerializer>(),
        NullLogger<WebhookDispatcher>.Instance);

    private static async Task DrainAsync(WebhookDispatcher dispatcher, Func<bool> done)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!done() && DateTime.UtcNow < until)
        {
            if (await dispatcher.TickAsync(CancellationToken.None) == 0)
            {
                await Task.Delay(20);
            }
        }
        Assert.True(done(), "the deliveries did not arrive within 30 s");
    }

    private async Task<string> ClientAsync() =>
        (await _admin.QueryAsync("mutation($n: String!) { createApiClient(input: { name: $n, scopes: [\"cases:read\"] }) { client { id } } }",
            new { n = "区系统" + Guid.NewGuid().ToString("N")[..8] })).GetProperty("createApiClient").GetProperty("client").GetProperty("id").GetString()!;

    private async Task<(string Id, string Secret)> SubscribeAsync(string url, string[]? kinds, object? where = null)
    {
        var created = (await _admin.QueryAsync(
            "mutation($c: ID!, $u: String!, $k: [ChangeKind!], $w: CaseFilterInput) { createWebhookSubscription(input: { clientId: $c, url: $u, kinds: $k, where: $w }) { subscription { id } secret userErrors { message } } }",
            new { c = await ClientAsync(), u = url, k = kinds, w = where })).GetProperty("createWebhookSubscription");
        Assert.Equal(0, created.GetProperty("userErrors").GetArrayLength());
        return (created.GetProperty("subscription").GetProperty("id").GetString()!, created.GetProperty("secret").GetString()!);
    }

    private async Task DeactivateAsync(string id) =>
        await _admin.QueryAsync("mutation($id: ID!) { deactivateWebhookSubscription(input: { subscriptionId: $id }) { userErrors { message } } }", new { id });

    private async Task<JsonElement> StateAsync(string id) =>
        (await _admin.QueryAsync("{ webhookSubscriptions { id attempts lastError nextAttemptAt pausedAt pausedReason cursor } }"))
            .GetProperty("webhookSubscriptions").EnumerateArray().Single(s => s.GetProperty("id").GetString() == id);

    /// <summary>Fresh accepted cases, made before the subscription (so their registrations are not delivered), then an activity on each.</summary>
    private async Task<List<string>> RecordActivitiesAsync(IReadOnlyList<Changes.FreshCases.Fresh> cases)
    {
        foreach (var c in cases)
        {
            await Changes.FreshCases.RecordActivityAsync(host, c.Id);
        }
        return [.. cases.Select(c => c.Number)];
    }
}

[Collection(SqliteCollection.Name)]
public sealed class WebhookTestsOnSqlite(SqliteHost host) : WebhookTests(host);

[Collection(PostgresCollection.Name)]
public sealed class WebhookTestsOnPostgres(PostgresHost host) : WebhookTests(host);
