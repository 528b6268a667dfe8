using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Data;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Access;

/// <summary>
/// Group commit: many callers' entries share a transaction, yet each caller learns of its own entries' fate only, and
/// only once they are committed.
/// </summary>
public abstract class AuditWriterTests(TestHost host)
{
    [Fact]
    public async Task Concurrent_writes_are_each_committed_before_their_task_completes()
    {
        var writer = host.Services.GetRequiredService<AuditWriter>();
        var operation = "group-commit " + Guid.NewGuid().ToString("N");
        var writes = Enumerable.Range(1, 60).Select(i => writer.WriteAsync(Entries(operation, i, count: 1 + (i % 3)))).ToList();

        foreach (var (write, i) in writes.Select((w, i) => (w, i + 1)))
        {
            await write;
            // Committed means readable by anyone else at once, before the other writes are awaited.
            var stored = await StoredAsync(operation, "actor-" + i);
            Assert.Equal(Enumerable.Range(0, 1 + (i % 3)).Select(k => new[] { i * 10 + k, i * 10 + k + 1 }), stored.Select(e => e.PetitionerIds.ToArray()));
        }
        Assert.Equal(Enumerable.Range(1, 60).Sum(i => 1 + (i % 3)), (await StoredAsync(operation, null)).Count);
    }

    [Fact]
    public async Task A_failing_entry_fails_only_its_own_write_and_leaves_nothing_of_it()
    {
        var writer = host.Services.GetRequiredService<AuditWriter>();
        var operation = "group-commit " + Guid.NewGuid().ToString("N");
        var good = Enumerable.Range(1, 30).Select(i => writer.WriteAsync(Entries(operation, i, count: 2))).ToList();
        // Two entries, the second breaking a NOT NULL constraint: the first must not be kept either.
        var bad = writer.WriteAsync([.. Entries(operation, 99, count: 1), .. Entries(operation, 99, count: 1).Select(e => { e.Fields = null!; return e; })]);
        good.AddRange(Enumerable.Range(31, 30).Select(i => writer.WriteAsync(Entries(operation, i, count: 2))));

        await Task.WhenAll(good);
        await Assert.ThrowsAnyAsync<Exception>(() => bad);
        Assert.Empty(await StoredAsync(operation, "actor-99"));
        Assert.Equal(120, (await StoredAsync(operation, null)).Count);
    }

    private static IEnumerable<AuditEntry> Entries(string operation, int caller, int count) => Enumerable.Range(0, count).Select(k => new AuditEntry
    {
        At = new DateTime(2026, 11, 27, 8, 0, 0, DateTimeKind.Utc),
        Actor = "actor-" + caller,
        Role = "OFFICE",
        Action = "READ",
        PetitionerIds = [caller * 10 + k, caller * 10 + k + 1],
        Fields = "name",
        Operation = operation,
    });

    private async Task<List<AuditEntry>> StoredAsync(string operation, string? actor)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<PetitionDbContext>().AuditEntries
            .Where(a => a.Operation == operation && (actor == null || a.Actor == actor))
            .OrderBy(a => a.Id)
            .ToListAsync();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AuditWriterTestsOnSqlite(SqliteHost host) : AuditWriterTests(host);

[Collection(PostgresCollection.Name)]
public sealed class AuditWriterTestsOnPostgres(PostgresHost host) : AuditWriterTests(host);
