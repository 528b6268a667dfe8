using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Data;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Seeding;

/// <summary>The same seed gives the same data on both databases.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SeedDeterminismTests(PostgresHost postgres)
{
    [Fact]
    public async Task The_same_seed_gives_the_same_cases_on_SQLite_and_PostgreSQL()
    {
        await using var sqlite = new SqliteHost();
        await sqlite.InitializeAsync();
        Assert.Equal(await FingerprintAsync(sqlite), await FingerprintAsync(postgres));
    }

    private static async Task<List<string>> FingerprintAsync(TestHost host)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
        var rows = await db.Cases.Where(c => c.Id <= TestHost.SeedCases).OrderBy(c => c.Id)
            .Select(c => new { c.Number, c.Title, c.Status, c.OpenedAt, c.PetitionCount, c.BacklogSince, Village = c.Village!.Name })
            .ToListAsync();
        return rows.Select(r => string.Join('|', r.Number, r.Title, r.Status, r.OpenedAt.ToString("O"), r.PetitionCount, r.BacklogSince?.ToString("O"), r.Village)).ToList();
    }
}
