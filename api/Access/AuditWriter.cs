using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.Access;

/// <summary>Appends audit entries in their own transaction; a failure propagates, so an unaudited read is never answered.</summary>
public sealed class AuditWriter(IDbContextFactory<PetitionDbContext> factory, TimeProvider clock)
{
    /// <summary>One entry per distinct set of fields read, with every petitioner read with exactly that set.</summary>
    public async Task WriteReadsAsync(Caller caller, PersonalDataReads reads, string operation, CancellationToken ct)
    {
        var read = reads.Read;
        if (read.Count == 0)
        {
            return;
        }
        var at = clock.GetUtcNow().UtcDateTime;
        await WriteAsync(read.GroupBy(r => string.Join(',', r.Value), StringComparer.Ordinal).Select(fields => new AuditEntry
        {
            At = at,
            Actor = caller.Name,
            Role = EnumNames.Name(caller.Role),
            Action = "READ",
            PetitionerIds = [.. fields.Select(r => r.Key).Order()],
            Fields = fields.Key,
            Operation = operation,
        }), ct);
    }

    public Task WriteAsync(string actor, Role role, string action, string subject, string fields, string operation, CancellationToken ct) =>
        WriteAsync([new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            Actor = actor,
            Role = EnumNames.Name(role),
            Action = action,
            Subject = subject,
            Fields = fields,
            Operation = operation,
        }], ct);

    /// <summary>
    /// All the entries in one transaction, on a context of their own (never the request's). Written as plain INSERTs
    /// rather than through SaveChanges: an audited page writes one entry, and change tracking, batching and reading
    /// back the id cost ~5 % of the API's CPU for it (BENCHMARKS.md). Nothing reads the entries back here.
    /// </summary>
    public async Task WriteAsync(IEnumerable<AuditEntry> entries, CancellationToken ct)
    {
        var rows = entries.ToList();
        await using var db = await factory.CreateDbContextAsync(ct);
        // The caller's token is not passed: an entry for data already read must be written even if the client left.
        await using var transaction = rows.Count > 1 ? await db.Database.BeginTransactionAsync(CancellationToken.None) : null;
        foreach (var e in rows)
        {
            var ids = db.Database.IsNpgsql() ? e.PetitionerIds.ToArray() : (object)JsonSerializer.Serialize(e.PetitionerIds);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO audit_entries (at, actor, role, action, petitioner_ids, subject, fields, operation)
                VALUES ({e.At}, {e.Actor}, {e.Role}, {e.Action}, {ids}, {e.Subject}, {e.Fields}, {e.Operation})
                """, CancellationToken.None);
        }
        if (transaction is not null)
        {
            await transaction.CommitAsync(CancellationToken.None);
        }
    }
}
