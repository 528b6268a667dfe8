using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Data;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Data;

public abstract class MigrationTests(TestHost host)
{
    [Fact]
    public async Task Migrations_leave_nothing_pending_and_tables_in_snake_case()
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes without a migration: add one for each provider.");
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = host.Provider == DatabaseProvider.Postgres
            ? "SELECT column_name FROM information_schema.columns WHERE table_name = 'cases'"
            : "SELECT name FROM pragma_table_info('cases')";
        var columns = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
            }
        }
        Assert.Contains("opened_at", columns);
        Assert.Contains("high_level_petition_count", columns);
        Assert.All(columns, c => Assert.Matches("^[a-z_]+$", c));
    }

    [Fact]
    public async Task A_case_cannot_get_a_second_first_petition()
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
        var first = await db.Petitions.AsNoTracking().FirstAsync(p => p.IsFirst);
        db.Petitions.Add(new Api.Petitions.Petition
        {
            CaseId = first.CaseId,
            ReceivedAt = first.ReceivedAt.AddDays(1),
            Channel = first.Channel,
            Level = first.Level,
            IsFirst = true,
        });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.Equal(1, await db.Petitions.CountAsync(p => p.CaseId == first.CaseId && p.IsFirst));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MigrationTestsOnSqlite(SqliteHost host) : MigrationTests(host);

[Collection(PostgresCollection.Name)]
public sealed class MigrationTestsOnPostgres(PostgresHost host) : MigrationTests(host);
