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

    /// <summary>All the entries in one transaction, on a context of their own (never the request's).</summary>
    public async Task WriteAsync(IEnumerable<AuditEntry> entries, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.AuditEntries.AddRange(entries);
        // The caller's token is not passed: an entry for data already read must be written even if the client left.
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
