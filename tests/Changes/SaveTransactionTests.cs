using System.Data.Common;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Changes;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.Units;
using PetitionGraph.Api.Villages;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Changes;

/// <summary>
/// A save, its change-feed entries and its configuration audit entries commit together or not at all — also when a
/// save is cancelled half-way (a client gone), and the context is used again afterwards, as a pooled context is.
/// Found in CI: a cancelled save left its state behind, and a later save on the reused context failed with
/// "The change feed is written only inside the change's own transaction".
/// </summary>
public abstract class SaveTransactionTests(DatabaseProvider provider)
{
    private string _connection = null!;

    [Fact]
    public async Task A_cancelled_save_leaves_nothing_behind_and_the_context_saves_again()
    {
        // A host migrates and seeds the fresh database; the test then saves through contexts of its own.
        await using var hosts = new CustomHosts(provider);
        _connection = await CustomHost.NewDatabaseAsync(provider);
        await hosts.StartAsync(_connection, 0, new Dictionary<string, string?>());
        var cancel = new CancelOnInsert("villages");
        await using var db = NewContext(cancel);
        var feedBefore = await db.Changes.CountAsync();
        var auditBefore = await db.AuditEntries.CountAsync();

        db.Villages.Add(new Village { Code = "ZZ-CANCELLED", Name = "撤销村" });
        using var source = new CancellationTokenSource();
        cancel.Source = source;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.SaveChangesAsync(source.Token));
        Assert.Null(db.Database.CurrentTransaction);
        db.ChangeTracker.Clear();

        // A save with nothing for the feed, then one with a feed entry, on the same context.
        db.ResponsibleUnits.Add(new ResponsibleUnit { Code = "ZZ-UNIT", Name = "测试单位" });
        await db.SaveChangesAsync();
        var village = new Village { Code = "ZZ-SAVED", Name = "保存村" };
        db.Villages.Add(village);
        await db.SaveChangesAsync();

        Assert.False(await db.Villages.AnyAsync(v => v.Code == "ZZ-CANCELLED"));
        Assert.Equal([village.Id], await db.Changes.OrderBy(c => c.Sequence).Skip(feedBefore).Select(c => c.EntityId).ToListAsync());
        var unitId = await db.ResponsibleUnits.Where(u => u.Code == "ZZ-UNIT").Select(u => u.Id).SingleAsync();
        Assert.Equal([$"ResponsibleUnit:{unitId}", $"Village:{village.Id}"],
            await db.AuditEntries.OrderBy(a => a.Id).Skip(auditBefore).Select(a => a.Subject!).ToListAsync());
    }

    private PetitionDbContext NewContext(IInterceptor cancel)
    {
        var http = new HttpContextAccessor
        {
            HttpContext = new DefaultHttpContext
            {
                User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "test-admin"), new Claim(Caller.RoleClaim, "ADMIN")], "test")),
            },
        };
        IInterceptor[] interceptors = [new ConfigurationAudit(http, TimeProvider.System), new ChangeRecorder(TimeProvider.System), cancel];
        if (provider == DatabaseProvider.Postgres)
        {
            var options = new DbContextOptionsBuilder<PostgresPetitionDbContext>();
            DatabaseServiceExtensions.ConfigurePostgres(options, _connection).AddInterceptors(interceptors);
            return new PostgresPetitionDbContext(options.Options);
        }
        var sqlite = new DbContextOptionsBuilder<SqlitePetitionDbContext>();
        DatabaseServiceExtensions.ConfigureSqlite(sqlite, _connection).AddInterceptors(interceptors);
        return new SqlitePetitionDbContext(sqlite.Options);
    }

    /// <summary>Cancels the save the moment it inserts into the table — after every interceptor prepared it.</summary>
    private sealed class CancelOnInsert(string table) : DbCommandInterceptor
    {
        public CancellationTokenSource? Source { get; set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (Source is { } source && command.CommandText.Replace("\"", "", StringComparison.Ordinal).Contains($"INSERT INTO {table} ", StringComparison.Ordinal))
            {
                Source = null;
                source.Cancel();
                throw new OperationCanceledException(source.Token);
            }
            return ValueTask.FromResult(result);
        }
    }
}

public sealed class SaveTransactionTestsOnSqlite() : SaveTransactionTests(DatabaseProvider.Sqlite);

public sealed class SaveTransactionTestsOnPostgres() : SaveTransactionTests(DatabaseProvider.Postgres);
