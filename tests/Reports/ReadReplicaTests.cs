using PetitionGraph.Api.Data;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Reports;

/// <summary>
/// With ConnectionStrings:PostgresReplica set, statistics and reports read from the replica, the office's own work
/// from the primary. The "replica" here is a second database holding different cases, so the source is visible.
/// </summary>
public abstract class ReadReplicaTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Figures = """{ statistics(from: "2015-01-01", to: "2027-01-01", interval: YEAR) { buckets { increment } } cases(first: 1) { totalCount } }""";
    private readonly List<TestHost> _hosts = [];

    [Fact]
    public async Task Statistics_and_reports_read_from_the_replica_when_one_is_configured()
    {
        var replica = await StartAsync(await CustomHost.NewDatabaseAsync(provider), 40, new Dictionary<string, string?>());
        var primary = await StartAsync(await CustomHost.NewDatabaseAsync(provider), 120, new Dictionary<string, string?>
        {
            ["ConnectionStrings:PostgresReplica"] = ((CustomHost)replica).ConnectionString,
        });
        var data = await primary.Client.QueryAsync(Figures);
        var increment = data.GetProperty("statistics").GetProperty("buckets").EnumerateArray().Sum(b => b.GetProperty("increment").GetInt32());
        Assert.Equal(120, data.GetProperty("cases").GetProperty("totalCount").GetInt32());
        var expected = provider == DatabaseProvider.Postgres ? 40 : 120; // SQLite has no replicas: the setting is ignored.
        Assert.Equal(expected, increment);

        var report = await primary.Client.QueryAsync("""
            mutation { generateReport(input: { report: KEY_CASES, period: "2026" }) { run { status } userErrors { message } } }
            """);
        Assert.Equal("SUCCEEDED", report.GetProperty("generateReport").GetProperty("run").GetProperty("status").GetString());
        Assert.Equal(provider == DatabaseProvider.Postgres, primary.Services.GetRequiredService<AnalyticsDatabase>().UsesReplica);
    }

    private async Task<TestHost> StartAsync(string connection, int cases, IReadOnlyDictionary<string, string?> settings)
    {
        var host = new CustomHost(provider, connection, cases, settings);
        _hosts.Add(host);
        await host.InitializeAsync();
        return host;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
    }
}

public sealed class ReadReplicaTestsOnSqlite() : ReadReplicaTests(DatabaseProvider.Sqlite);

public sealed class ReadReplicaTestsOnPostgres() : ReadReplicaTests(DatabaseProvider.Postgres);
