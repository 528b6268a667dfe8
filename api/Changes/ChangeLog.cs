using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.Changes;

/// <summary>
/// Appends to the change feed inside the writing transaction. The sequences are reserved by one atomic update of the
/// counter row, and that row stays locked until the transaction commits: a transaction that reserved sequence N
/// commits before any other can reserve N + 1. So sequences appear in commit order — a consumer that has seen N has
/// seen everything up to N, also when a slow transaction started before a fast one (a sequence taken when the row is
/// inserted would let the fast one's N + 1 be read while N is still invisible, and N would be skipped). On SQLite,
/// writing transactions are serialised by the database anyway.
/// </summary>
public static class ChangeLog
{
    public static async Task AppendAsync(PetitionDbContext db, IReadOnlyList<Change> changes, CancellationToken ct)
    {
        if (changes.Count == 0)
        {
            return;
        }
        var first = await ReserveAsync(db, changes.Count, ct);
        for (var i = 0; i < changes.Count; i++)
        {
            changes[i].Sequence = first + i;
        }
        await new Seeding.BulkWriter(db).WriteAsync(changes, ct);
    }

    /// <summary>Reserves <paramref name="count"/> sequences; returns the first. Locks the counter row until commit.</summary>
    private static async Task<long> ReserveAsync(PetitionDbContext db, int count, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The change feed is written only inside the change's own transaction.");
        command.CommandText =
            "INSERT INTO change_counters (id, last) VALUES (1, @count) " +
            "ON CONFLICT (id) DO UPDATE SET last = change_counters.last + @count RETURNING last";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@count";
        parameter.Value = (long)count;
        command.Parameters.Add(parameter);
        var last = Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        return last - count + 1;
    }
}
