using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Seeding;

namespace PetitionGraph.Api.Data;

/// <summary>Applies migrations; in demo mode, loads the demo data set into an empty database so a newcomer can query at once.</summary>
public sealed class DatabaseInitializer(PetitionDbContext db, IConfiguration configuration, Access.DemoMode demo, ILogger<DatabaseInitializer> logger)
{
    public async Task MigrateAsync(CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            DatabaseServiceExtensions.EnsureSqliteDirectory(db.Database.GetConnectionString()!);
        }
        if (await RefuseUnknownHistoryAsync(ct))
        {
            // Nothing to apply: Migrate would still take its lock and diff the model against the snapshot (about half a
            // second of every start and of every CLI report; tests/Data/MigrationTests checks the model instead).
            logger.LogInformation("Database schema is up to date ({Provider}).", db.Database.ProviderName);
            return;
        }
        // A migration may rewrite a large table (the audit trail has millions of rows in a busy office): no 30 s limit.
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        await db.Database.MigrateAsync(ct);
        db.Database.SetCommandTimeout(timeout);
        logger.LogInformation("Database schema is up to date ({Provider}).", db.Database.ProviderName);
    }

    /// <summary>
    /// The migrations were squashed into one before the first release: a database made by an earlier build records
    /// migrations this build does not know, and migrating it would fail half-way on tables that already exist.
    /// True when every migration of this build is applied already.
    /// </summary>
    private async Task<bool> RefuseUnknownHistoryAsync(CancellationToken ct)
    {
        if (!await db.Database.CanConnectAsync(ct))
        {
            return false;
        }
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        IEnumerable<string> applied;
        try
        {
            applied = await db.Database.GetAppliedMigrationsAsync(ct);
        }
        catch (Exception e) when (e is System.Data.Common.DbException)
        {
            return false; // no history table yet: a new database
        }
        var unknown = applied.Where(m => !known.Contains(m)).ToList();
        if (unknown.Count > 0)
        {
            throw new Hosting.StartupException(new Language.Msg(
                $"该数据库由预发布版本创建（记录了本版本没有的迁移 {unknown[0]}）。预发布数据库无法升级：请删除它（SQLite 文件，或删除 PostgreSQL 数据库）后重新开始。",
                $"The database was created by a pre-release build (it records migration {unknown[0]}, which this build does not have). " +
                "Pre-release databases cannot be upgraded: delete it (the SQLite file, or drop the PostgreSQL database) and start again."));
        }
        return known.All(applied.Contains);
    }

    public async Task SeedDemoIfEmptyAsync(CancellationToken ct)
    {
        var demoCases = configuration.GetValue("Seed:DemoCases", 3000);
        if (!demo.Enabled || demoCases <= 0 || await db.Cases.AnyAsync(ct))
        {
            return;
        }
        logger.LogInformation("Empty database: loading {Cases} synthetic demo cases.", demoCases);
        var result = await new Seeder(db).SeedAsync(new SeedOptions(demoCases, configuration.GetValue("Seed:RandomSeed", 42)), null, ct);
        logger.LogInformation("Demo data loaded: {Rows} rows in {Seconds:F1} s.", result.RowsWritten, result.Elapsed.TotalSeconds);
    }
}
