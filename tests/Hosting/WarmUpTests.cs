using PetitionGraph.Api.Hosting;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Hosting;

/// <summary>The start-up warm-up runs its queries cleanly: a query that drifted from the schema would warm nothing.</summary>
public abstract class WarmUpTests(TestHost host)
{
    [Fact]
    public async Task The_warm_up_queries_run_without_errors_and_stop_at_their_time_budget()
    {
        var errors = await WarmUp.RunAsync(host.Services, rounds: 5, TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.Empty(errors);

        var started = System.Diagnostics.Stopwatch.StartNew();
        Assert.Empty(await WarmUp.RunAsync(host.Services, rounds: 100_000, TimeSpan.Zero, CancellationToken.None));
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), $"a zero budget still ran for {started.Elapsed}");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class WarmUpTestsOnSqlite(SqliteHost host) : WarmUpTests(host);

[Collection(PostgresCollection.Name)]
public sealed class WarmUpTestsOnPostgres(PostgresHost host) : WarmUpTests(host);
