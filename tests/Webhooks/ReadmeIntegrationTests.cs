using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using PetitionGraph.Api.Access;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Webhooks;

/// <summary>The README's integration code (its js block), run with Node against the service and a real signed delivery.</summary>
public abstract partial class ReadmeIntegrationTests(TestHost host)
{
    [Fact]
    public async Task The_readmes_loop_reads_the_feed_and_its_check_accepts_a_real_delivery_and_refuses_a_forged_one()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "README.md"));
        var code = JsBlock().Match(readme).Groups[1].Value;
        Assert.Contains("export function verifyWebhook", code, StringComparison.Ordinal);
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            await File.ReadAllBytesAsync(Path.Combine(RepositoryRoot.Path, "schema", "operations", "ChangesSince.graphql"))));
        Assert.Contains(hash, code, StringComparison.Ordinal);

        var admin = host.ClientAs(Role.Admin, "test-admin");
        var client = (await admin.QueryAsync("mutation($n: String!) { createApiClient(input: { name: $n, scopes: [\"cases:read\"] }) { client { id key } } }",
            new { n = "区系统README" + Guid.NewGuid().ToString("N")[..6] })).GetProperty("createApiClient").GetProperty("client");
        await using var receiver = await WebhookReceiver.StartAsync();
        var target = await Changes.FreshCases.AcceptedAsync(host);
        var created = (await admin.QueryAsync("mutation($c: ID!, $u: String!) { createWebhookSubscription(input: { clientId: $c, url: $u, kinds: [ACTIVITY_RECORDED] }) { subscription { id } secret } }",
            new { c = client.GetProperty("id").GetString(), u = receiver.Url })).GetProperty("createWebhookSubscription");
        await Changes.FreshCases.RecordActivityAsync(host, target.Id);
        var dispatcher = host.Services.GetRequiredService<PetitionGraph.Api.Webhooks.WebhookDispatcher>();
        var until = DateTime.UtcNow.AddSeconds(20);
        while (receiver.Deliveries.Count == 0 && DateTime.UtcNow < until)
        {
            await dispatcher.TickAsync(CancellationToken.None);
        }
        await admin.QueryAsync("mutation($id: ID!) { deactivateWebhookSubscription(input: { subscriptionId: $id }) { userErrors { message } } }",
            new { id = created.GetProperty("subscription").GetProperty("id").GetString() });
        var delivery = Assert.Single(receiver.Deliveries);

        using var folder = new TempFolder();
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "integration.mjs"), code);
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "run.mjs"), """
            import { follow, verifyWebhook } from './integration.mjs';
            const [url, key, secret, delivery] = process.argv.slice(2);
            const d = JSON.parse(delivery);
            const headers = { 'webhook-id': d.Id, 'webhook-timestamp': d.Timestamp, 'webhook-signature': d.Signature };
            let count = 0;
            const cursor = await follow(url, key, null, () => count++);
            const again = await follow(url, key, cursor, () => count++);
            console.log(JSON.stringify({ count, same: cursor === again, genuine: verifyWebhook(headers, d.Body, secret), forged: verifyWebhook(headers, d.Body.replace('VISIT', 'MEETING') + ' ', secret) }));
            """);
        var info = new ProcessStartInfo("node", ["run.mjs", host.BaseAddress.ToString().TrimEnd('/') + "/graphql", client.GetProperty("key").GetString()!,
            created.GetProperty("secret").GetString()!, JsonSerializer.Serialize(delivery)])
        { WorkingDirectory = folder.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        using var node = Process.Start(info)!;
        var output = await node.StandardOutput.ReadToEndAsync();
        await node.WaitForExitAsync();
        Assert.True(node.ExitCode == 0, await node.StandardError.ReadToEndAsync());
        var result = JsonDocument.Parse(output).RootElement;
        Assert.True(result.GetProperty("count").GetInt32() >= 1);
        Assert.True(result.GetProperty("same").GetBoolean());
        Assert.True(result.GetProperty("genuine").GetBoolean());
        Assert.False(result.GetProperty("forged").GetBoolean());
    }

    [GeneratedRegex("```js\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsBlock();
}

[Collection(SqliteCollection.Name)]
public sealed class ReadmeIntegrationTestsOnSqlite(SqliteHost host) : ReadmeIntegrationTests(host);

[Collection(PostgresCollection.Name)]
public sealed class ReadmeIntegrationTestsOnPostgres(PostgresHost host) : ReadmeIntegrationTests(host);
