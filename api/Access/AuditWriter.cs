using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.Access;

/// <summary>Appends audit entries in their own transaction; a failure propagates, so an unaudited read is never answered.</summary>
public sealed class AuditWriter(IDbContextFactory<PetitionDbContext> factory, TimeProvider clock)
{
    public async Task WriteReadsAsync(Caller caller, PersonalDataReads reads, string operation, CancellationToken ct)
    {
        var read = reads.Read;
        if (read.Count == 0)
        {
            return;
        }
        var at = clock.GetUtcNow().UtcDateTime;
        await WriteAsync(read.Select(r => new AuditEntry
        {
            At = at,
            Actor = caller.Name,
            Role = EnumNames.Name(caller.Role),
            Action = "READ",
            PetitionerId = r.Key,
            Fields = string.Join(',', r.Value),
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

    /// <summary>One multi-row INSERT per 500 entries (EF would send one statement per row on SQLite).</summary>
    public async Task WriteAsync(IEnumerable<AuditEntry> entries, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        foreach (var chunk in entries.Chunk(500))
        {
            var sql = new System.Text.StringBuilder(
                "INSERT INTO audit_entries (at, actor, role, action, petitioner_id, subject, fields, operation) VALUES ");
            var parameters = new List<object?>();
            foreach (var (entry, i) in chunk.Select((e, i) => (e, i)))
            {
                var p = i * 8;
                sql.Append(i == 0 ? "" : ", ").Append('(')
                    .AppendJoin(", ", Enumerable.Range(p, 8).Select(n => "{" + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}")).Append(')');
                parameters.AddRange([entry.At, entry.Actor, entry.Role, entry.Action, entry.PetitionerId, entry.Subject, entry.Fields, entry.Operation]);
            }
            // The text holds only placeholders; every value is a parameter.
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters!, CancellationToken.None);
        }
    }
}
