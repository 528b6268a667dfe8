using System.Diagnostics;
using System.Text.Json;
using PetitionGraph.Api.Access;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Live;

/// <summary>The npm graphql-ws client — what district web systems use — subscribes, and receives a change as it commits.</summary>
public abstract class NodeGraphQLWsClientTests(TestHost host)
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, ".ci", "integrations");
    private static readonly SemaphoreSlim Install = new(1, 1);

    [Fact]
    public async Task The_graphql_ws_client_receives_caseChanged()
    {
        await EnsurePackagesAsync();
        var token = host.Services.GetRequiredService<TokenIssuer>().Issue("node-client", Role.Analyst);
        var start = new ProcessStartInfo("node", ["subscribe-once.mjs", host.BaseAddress.ToString().TrimEnd('/') + "/graphql", token])
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var target = await Changes.FreshCases.AcceptedAsync(host);
        using var node = Process.Start(start)!;
        var subscribed = await node.StandardOutput.ReadLineAsync();
        Assert.Equal("subscribed", subscribed);
        await Task.Delay(800);
        await Changes.FreshCases.RecordActivityAsync(host, target.Id);
        var line = await node.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(25));
        await node.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(node.ExitCode == 0, await node.StandardError.ReadToEndAsync());
        var change = JsonDocument.Parse(line!).RootElement.GetProperty("data").GetProperty("caseChanged");
        Assert.Equal("ACTIVITY_RECORDED", change.GetProperty("kind").GetString());
        Assert.Equal(target.Number, change.GetProperty("case").GetProperty("number").GetString());
    }

    /// <summary>The packages of .ci/integrations, installed from its lock file the first time (CI has done it already).</summary>
    private static async Task EnsurePackagesAsync()
    {
        await Install.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(Folder, "node_modules", "graphql-ws")))
            {
                return;
            }
            using var npm = Process.Start(new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund", "--silent"]) { WorkingDirectory = Folder, RedirectStandardError = true })!;
            await npm.WaitForExitAsync();
            Assert.True(npm.ExitCode == 0, "npm ci in .ci/integrations failed: " + await npm.StandardError.ReadToEndAsync());
        }
        finally
        {
            Install.Release();
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class NodeGraphQLWsClientTestsOnSqlite(SqliteHost host) : NodeGraphQLWsClientTests(host);

[Collection(PostgresCollection.Name)]
public sealed class NodeGraphQLWsClientTestsOnPostgres(PostgresHost host) : NodeGraphQLWsClientTests(host);
