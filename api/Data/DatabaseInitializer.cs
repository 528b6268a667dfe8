using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Cases.Lifecycle;
using PetitionGraph.Api.Seeding;

namespace PetitionGraph.Api.Data;

/// <summary>Applies migrations; on an empty database, loads the demo data set so a newcomer can query at once.</summary>
public sealed class DatabaseInitializer(PetitionDbContext db, IConfiguration configuration, ILogger<DatabaseInitializer> logger)
{
    public async Task MigrateAsync(CancellationToken ct)
    {
        // A migration may rewrite a large table (the audit trail has millions of rows in a busy office): no 30 s limit.
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        await db.Database.MigrateAsync(ct);
        db.Database.SetCommandTimeout(timeout);
        logger.LogInformation("Database schema is up to date ({Provider}).", db.Database.ProviderName);
        await new ProjectionBackfill(db, TimeLimits.From(configuration), logger).RunIfNeededAsync(ct);
    }

    public async Task SeedDemoIfEmptyAsync(CancellationToken ct)
    {
        var demoCases = configuration.GetValue("Seed:DemoCases", 3000);
        if (demoCases <= 0 || await db.Cases.AnyAsync(ct))
        {
            return;
        }
        logger.LogInformation("Empty database: loading {Cases} synthetic demo cases.", demoCases);
        var result = await new Seeder(db).SeedAsync(new SeedOptions(demoCases, configuration.GetValue("Seed:RandomSeed", 42)), null, ct);
        logger.LogInformation("Demo data loaded: {Rows} rows in {Seconds:F1} s.", result.RowsWritten, result.Elapsed.TotalSeconds);
    }
}
