using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Data;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Data;

/// <summary>
/// Microsoft.Data.Sqlite ignores cancellation; the service's interceptor interrupts the connection instead, so a
/// statement stops when its request's time is up. (PostgreSQL cancels statements itself; the TIMEOUT tests cover both.)
/// </summary>
public sealed class SqliteInterruptTests
{
    private const string Endless = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 100000000000) SELECT count(*) FROM n";

    [Fact]
    public async Task A_cancelled_statement_stops_and_the_connection_stays_usable()
    {
        using var folder = new TempFolder();
        var options = DatabaseServiceExtensions.ConfigureSqlite(new DbContextOptionsBuilder<SqlitePetitionDbContext>(), $"Data Source={Path.Combine(folder.Path, "i.db")}");
        await using var db = new SqlitePetitionDbContext((DbContextOptions<SqlitePetitionDbContext>)options.Options);
        await db.Database.OpenConnectionAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        // Without the interrupt the statement runs for hours; the test gives up on it after a minute.
        var running = Task.Run(() => db.Database.SqlQueryRaw<long>(Endless).ToListAsync(cancel.Token));
        var stopped = await Assert.ThrowsAnyAsync<Exception>(() => running.WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.IsNotType<TimeoutException>(stopped);
        Assert.True(stopped is OperationCanceledException || stopped is SqliteException { SqliteErrorCode: 9 }, stopped.ToString());

        // The interrupt ended with its statement: the next one on the same connection runs.
        Assert.Equal([42L], await db.Database.SqlQueryRaw<long>("SELECT 42 AS \"Value\"").ToListAsync());
    }
}
