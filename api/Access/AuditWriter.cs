using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.Access;

/// <summary>
/// Appends audit entries. A caller's task completes only once its entries are committed, and a failure propagates, so
/// an unaudited read is never answered. Callers share commits (group commit): the caller that finds no commit running
/// writes everything queued so far in one go, and goes on while more has queued meanwhile; the others only wait. Under
/// load many requests share one commit instead of each paying for its own; alone, a caller writes its entries itself
/// in one round trip (BENCHMARKS.md). No caller's token is taken: an entry for data already read is written even if
/// the client has gone.
/// </summary>
public sealed class AuditWriter(IDbContextFactory<PetitionDbContext> factory, TimeProvider clock) : IAsyncDisposable, IDisposable
{
    /// <summary>Bounds one commit; a single call with more entries (a large purge) is still one transaction.</summary>
    private const int MaxEntriesPerCommit = 256;

    private const string InsertSql = """
        INSERT INTO audit_entries (at, actor, role, action, petitioner_ids, subject, fields, operation)
        VALUES (@at, @actor, @role, @action, @petitioner_ids, @subject, @fields, @operation)
        """;

    private readonly ConcurrentQueue<Pending> _queue = new();
    private int _committing;
    private volatile bool _closed;

    /// <summary>One entry per distinct set of fields read, with every petitioner read with exactly that set.</summary>
    public Task WriteReadsAsync(Caller caller, PersonalDataReads reads, string operation)
    {
        var read = reads.Read;
        if (read.Count == 0)
        {
            return Task.CompletedTask;
        }
        var at = clock.GetUtcNow().UtcDateTime;
        return WriteAsync(read.GroupBy(r => string.Join(',', r.Value), StringComparer.Ordinal).Select(fields => new AuditEntry
        {
            At = at,
            Actor = caller.Name,
            Role = EnumNames.Name(caller.Role),
            Action = "READ",
            PetitionerIds = [.. fields.Select(r => r.Key).Order()],
            Fields = fields.Key,
            Operation = operation,
        }));
    }

    public Task WriteAsync(string actor, Role role, string action, string subject, string fields, string operation) =>
        WriteAsync([new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            Actor = actor,
            Role = EnumNames.Name(role),
            Action = action,
            Subject = subject,
            Fields = fields,
            Operation = operation,
        }]);

    /// <summary>All the entries in one transaction, never the request's own.</summary>
    public Task WriteAsync(IEnumerable<AuditEntry> entries)
    {
        var pending = new Pending([.. entries]);
        if (pending.Entries.Count == 0)
        {
            return Task.CompletedTask;
        }
        if (_closed)
        {
            throw new InvalidOperationException("The audit writer has shut down; nothing more can be audited.");
        }
        _queue.Enqueue(pending);
        if (Interlocked.CompareExchange(ref _committing, 1, 0) == 0)
        {
            _ = CommitQueuedAsync(); // completes every queued caller's task, this one's included; never throws
        }
        return pending.Committed.Task;
    }

    private async Task CommitQueuedAsync()
    {
        var batch = new List<Pending>();
        while (true)
        {
            var count = 0;
            while (count < MaxEntriesPerCommit && _queue.TryDequeue(out var next))
            {
                batch.Add(next);
                count += next.Entries.Count;
            }
            if (batch.Count > 0)
            {
                await CommitAsync(batch);
                batch.Clear();
                continue;
            }
            Volatile.Write(ref _committing, 0);
            // An entry queued after the queue was found empty but before the flag was cleared has no committer yet.
            if (_queue.IsEmpty || Interlocked.CompareExchange(ref _committing, 1, 0) != 0)
            {
                return;
            }
        }
    }

    private async Task CommitAsync(IReadOnlyList<Pending> batch)
    {
        try
        {
            await InsertAsync([.. batch.SelectMany(p => p.Entries)]);
        }
        catch (Exception e)
        {
            if (batch.Count == 1)
            {
                batch[0].Committed.TrySetException(e);
                return;
            }
            // One caller's bad entry must not fail the others': each is tried on its own.
            foreach (var pending in batch)
            {
                await CommitAsync([pending]);
            }
            return;
        }
        foreach (var pending in batch)
        {
            pending.Committed.TrySetResult();
        }
    }

    /// <summary>
    /// Plain INSERTs on a connection of their own, no change tracking. Where the provider batches (PostgreSQL), the
    /// batch is one round trip and one implicit transaction; otherwise an explicit one when there is more than one row.
    /// </summary>
    private async Task InsertAsync(IReadOnlyList<AuditEntry> entries)
    {
        await using var db = await factory.CreateDbContextAsync();
        var arrays = db.Database.IsNpgsql(); // SQLite keeps a list as JSON text
        await db.Database.OpenConnectionAsync();
        try
        {
            await InsertAsync(db.Database.GetDbConnection(), entries, arrays);
        }
        finally
        {
            // Close what was opened here: the context goes back to the pool, and without this its next user could find
            // the connection open (MigrationTests did, now and then, on PostgreSQL).
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task InsertAsync(DbConnection connection, IReadOnlyList<AuditEntry> entries, bool arrays)
    {
        if (connection.CanCreateBatch)
        {
            await using var batch = connection.CreateBatch();
            foreach (var entry in entries)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = InsertSql;
                Bind(command.Parameters, command.CreateParameter, entry, arrays);
                batch.BatchCommands.Add(command);
            }
            await batch.ExecuteNonQueryAsync();
            return;
        }
        await using var transaction = entries.Count > 1 ? await connection.BeginTransactionAsync() : null;
        foreach (var entry in entries)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = InsertSql;
            Bind(command.Parameters, command.CreateParameter, entry, arrays);
            await command.ExecuteNonQueryAsync();
        }
        if (transaction is not null)
        {
            await transaction.CommitAsync();
        }
    }

    private static void Bind(DbParameterCollection parameters, Func<DbParameter> create, AuditEntry entry, bool arrays)
    {
        void Add(string name, object? value)
        {
            var parameter = create();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            parameters.Add(parameter);
        }
        Add("at", DateTime.SpecifyKind(entry.At, DateTimeKind.Utc));
        Add("actor", entry.Actor);
        Add("role", entry.Role);
        Add("action", entry.Action);
        Add("petitioner_ids", arrays ? entry.PetitionerIds.ToArray() : JsonSerializer.Serialize(entry.PetitionerIds));
        Add("subject", entry.Subject);
        Add("fields", entry.Fields);
        Add("operation", entry.Operation);
    }

    /// <summary>Stops taking entries and waits until those already taken are committed.</summary>
    public async ValueTask DisposeAsync()
    {
        _closed = true;
        while (Volatile.Read(ref _committing) == 1 || !_queue.IsEmpty)
        {
            await Task.Delay(10);
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private sealed record Pending(IReadOnlyList<AuditEntry> Entries)
    {
        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
