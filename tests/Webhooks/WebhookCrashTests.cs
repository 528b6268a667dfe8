using System.Text.Json;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Data;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Webhooks;

/// <summary>
/// The service is killed (SIGKILL) while a receiver holds a delivery open; after a restart every change is delivered,
/// in order, the interrupted one again under the same webhook-id — nothing is lost with the process.
/// </summary>
public abstract class WebhookCrashTests(DatabaseProvider provider) : IAsyncLifetime
{
    private CustomHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = new CustomHost(provider, await CustomHost.NewDatabaseAsync(provider), 30, new Dictionary<string, string?>());
        await _host.InitializeAsync();
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Every_change_is_delivered_after_the_service_is_killed_mid_delivery()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.SlowFor = TimeSpan.FromSeconds(30);
        receiver.Behaviour = n => n == 0 ? WebhookReceiver.Answer.Slow : WebhookReceiver.Answer.Ok;
        var cases = await Changes.FreshCases.AcceptedAsync(_host, 5);
        var admin = _host.ClientAs(Role.Admin, "test-admin");
        var client = (await admin.QueryAsync("mutation { createApiClient(input: { name: \"区系统\", scopes: [\"cases:read\"] }) { client { id } } }"))
            .GetProperty("createApiClient").GetProperty("client").GetProperty("id").GetString();
        await admin.QueryAsync("mutation($c: ID!, $u: String!) { createWebhookSubscription(input: { clientId: $c, url: $u, kinds: [ACTIVITY_RECORDED] }) { userErrors { message } } }",
            new { c = client, u = receiver.Url });
        foreach (var c in cases)
        {
            await Changes.FreshCases.RecordActivityAsync(_host, c.Id);
        }

        using var folder = new TempFolder();
        var environment = new Dictionary<string, string>
        {
            [provider == DatabaseProvider.Postgres ? "ConnectionStrings__Postgres" : "ConnectionStrings__Sqlite"] = _host.ConnectionString,
            ["Auth__SigningKey"] = TestHost.SigningKey,
            ["Webhooks__PollSeconds"] = "0.2",
            ["Webhooks__LeaseSeconds"] = "2",
            ["Webhooks__TimeoutSeconds"] = "5",
            ["Reports__SchedulerEnabled"] = "false",
        };
        var (first, _) = await ApiProcess.StartServerAsync(folder.Path, environment);
        try
        {
            await WaitAsync(() => receiver.Deliveries.Count >= 1, "the first delivery", folder.Path);
            first.Kill(entireProcessTree: true); // mid-delivery: the receiver has not answered
            await first.WaitForExitAsync();
        }
        finally
        {
            first.Dispose();
        }

        var (second, _) = await ApiProcess.StartServerAsync(folder.Path, environment);
        try
        {
            await WaitAsync(() => receiver.Deliveries.Count(d => d.Answered == WebhookReceiver.Answer.Ok) >= 5, "every delivery after the restart", folder.Path);
        }
        finally
        {
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
            second.Dispose();
        }
        var delivered = receiver.Deliveries.Where(d => d.Answered == WebhookReceiver.Answer.Ok).ToList();
        Assert.Equal(cases.Select(c => c.Number),
            delivered.Select(d => JsonDocument.Parse(d.Body).RootElement.GetProperty("data").GetProperty("caseNumber").GetString()));
        Assert.Equal(receiver.Deliveries[0].Id, delivered[0].Id); // the interrupted one, again, under its id
        Assert.Equal(5, delivered.Select(d => d.Id).Distinct().Count());
    }

    private static async Task WaitAsync(Func<bool> done, string what, string folder)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (!done() && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }
        var logs = string.Join("\n", Directory.GetFiles(folder, "server-*.log").Select(File.ReadAllText));
        Assert.True(done(), $"timed out waiting for {what}; the service said:\n{logs}");
    }
}

public sealed class WebhookCrashTestsOnSqlite() : WebhookCrashTests(DatabaseProvider.Sqlite);

public sealed class WebhookCrashTestsOnPostgres() : WebhookCrashTests(DatabaseProvider.Postgres);
