using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.Cases.Mutations;

/// <summary>
/// Hands out case numbers: sequential per year, unique, never reused. One atomic upsert on the counter row,
/// inside the registering transaction, so concurrent registrations queue on the row (PostgreSQL) or the
/// database lock (SQLite); a rolled-back registration leaves a gap, never a duplicate.
/// </summary>
public static class CaseNumbers
{
    public static async Task<string> NextAsync(PetitionDbContext db, int year, CancellationToken ct) =>
        CaseNumberCounter.Format(year, await ReserveAsync(db, year, 1, ct));

    /// <summary>Reserves <paramref name="count"/> consecutive numbers of a year in one statement; returns the first sequence.</summary>
    public static async Task<int> ReserveAsync(PetitionDbContext db, int year, int count, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText =
            "INSERT INTO case_number_counters (year, last) VALUES (@year, @count) " +
            "ON CONFLICT (year) DO UPDATE SET last = case_number_counters.last + @count RETURNING last";
        foreach (var (name, value) in new[] { ("@year", year), ("@count", count) })
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        var last = Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        return last - count + 1;
    }
}
