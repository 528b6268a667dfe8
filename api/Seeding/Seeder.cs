using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.Seeding;

public sealed record SeedOptions(int Cases, int RandomSeed = 42)
{
    /// <summary>Histories start here (office time)…</summary>
    public DateTime From { get; init; } = new(2019, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>…and are generated as they would stand at this instant.</summary>
    public DateTime AsOf { get; init; } = new(2026, 10, 31, 16, 0, 0, DateTimeKind.Utc);

    public int ChunkSize { get; init; } = 5_000;
}

public sealed record SeedProgress(int CasesWritten, int CasesTotal, long RowsWritten, TimeSpan Elapsed);

/// <summary>
/// Loads synthetic data: reference data when the database has none, then cases in chunks, each chunk in one
/// transaction through <see cref="BulkWriter"/>. Appends to existing data; deterministic for a given seed.
/// </summary>
public sealed class Seeder(PetitionDbContext db)
{
    private const string Town = "示范镇";

    public async Task<SeedProgress> SeedAsync(SeedOptions options, IProgress<SeedProgress>? progress, CancellationToken ct)
    {
        var random = new Random(options.RandomSeed);
        var names = new SyntheticNames(random);
        await EnsureReferenceDataAsync(names, ct);
        var villages = await db.Villages.OrderBy(v => v.Id).ToListAsync(ct);
        var categories = await db.Categories.OrderBy(c => c.Id).ToListAsync(ct);
        var leaders = await db.Leaders.OrderBy(l => l.Id).ToListAsync(ct);
        var ids = await CurrentIdsAsync(ct);
        var sequences = await db.CaseNumberCounters.ToDictionaryAsync(c => c.Year, c => c.Last, ct);
        var generator = new CaseGenerator(random, names, villages, categories, leaders, options.From, options.AsOf, sequences, Town);
        var openings = OpeningInstants(random, options);
        var writer = new BulkWriter(db);
        var clock = Stopwatch.StartNew();
        long rows = 0;
        for (var start = 0; start < openings.Length; start += options.ChunkSize)
        {
            var batch = new SeedBatch();
            foreach (var openedAt in openings.AsSpan(start, Math.Min(options.ChunkSize, openings.Length - start)))
            {
                generator.Generate(batch, ids, openedAt);
            }
            await WriteAsync(writer, batch, ct);
            rows += batch.RowCount;
            progress?.Report(new SeedProgress(Math.Min(start + options.ChunkSize, openings.Length), openings.Length, rows, clock.Elapsed));
        }
        await SaveCountersAsync(sequences, ct);
        await ResetIdentitiesAsync(ct);
        return new SeedProgress(openings.Length, openings.Length, rows, clock.Elapsed);
    }

    private async Task EnsureReferenceDataAsync(SyntheticNames names, CancellationToken ct)
    {
        if (!await db.Categories.AnyAsync(ct))
        {
            db.Categories.AddRange(ReferenceData.DefaultCategories());
            await db.SaveChangesAsync(ct);
        }
        if (!await db.SettlementWays.AnyAsync(ct))
        {
            db.SettlementWays.AddRange(ReferenceData.DefaultSettlementWays());
            await db.SaveChangesAsync(ct);
        }
        if (!await db.ResponsibleUnits.AnyAsync(ct))
        {
            db.ResponsibleUnits.AddRange(ReferenceData.DefaultUnits());
            await db.SaveChangesAsync(ct);
        }
        if (!await db.Villages.AnyAsync(ct))
        {
            var villages = ReferenceData.Villages(names);
            db.Villages.AddRange(villages);
            await db.SaveChangesAsync(ct);
            db.Leaders.AddRange(ReferenceData.Leaders(names, villages));
            await db.SaveChangesAsync(ct);
        }
        db.ChangeTracker.Clear();
    }

    private static DateTime[] OpeningInstants(Random random, SeedOptions options)
    {
        var span = (options.AsOf - options.From).TotalDays - 1;
        var instants = new DateTime[options.Cases];
        for (var i = 0; i < instants.Length; i++)
        {
            // A working day's office hours in Asia/Shanghai (UTC+8): 08:00–18:00 local is 00:00–10:00 UTC.
            var day = options.From.Date.AddDays(Math.Floor(random.NextDouble() * span));
            instants[i] = day.AddSeconds(Math.Floor(random.NextDouble() * 36_000));
        }
        Array.Sort(instants);
        return instants;
    }

    private async Task WriteAsync(BulkWriter writer, SeedBatch batch, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await writer.WriteAsync(batch.Petitioners, ct);
        await writer.WriteAsync(batch.Cases, ct);
        await writer.WriteAsync(batch.CasePetitioners, ct);
        await writer.WriteAsync(batch.Petitions, ct);
        await writer.WriteAsync(batch.Assignments, ct);
        await writer.WriteAsync(batch.Events, ct);
        await writer.WriteAsync(batch.Activities, ct);
        await writer.WriteAsync(batch.Evaluations, ct);
        await writer.WriteAsync(batch.BacklogIntervals, ct);
        await writer.WriteAsync(batch.Deadlines, ct);
        await transaction.CommitAsync(ct);
    }

    private async Task<IdCounters> CurrentIdsAsync(CancellationToken ct) => new()
    {
        Petitioner = await db.Petitioners.MaxAsync(e => (int?)e.Id, ct) ?? 0,
        Case = await db.Cases.MaxAsync(e => (int?)e.Id, ct) ?? 0,
        Petition = await db.Petitions.MaxAsync(e => (int?)e.Id, ct) ?? 0,
        Assignment = await db.LeaderAssignments.MaxAsync(e => (int?)e.Id, ct) ?? 0,
        Event = await db.CaseEvents.MaxAsync(e => (int?)e.Id, ct) ?? 0,
        Activity = await db.CaseActivities.MaxAsync(e => (int?)e.Id, ct) ?? 0,
        Evaluation = await db.Evaluations.MaxAsync(e => (int?)e.Id, ct) ?? 0,
        Interval = await db.CaseBacklogIntervals.MaxAsync(e => (int?)e.Id, ct) ?? 0,
        Deadline = await db.CaseDeadlines.MaxAsync(e => (int?)e.Id, ct) ?? 0,
    };

    private async Task SaveCountersAsync(Dictionary<int, int> sequences, CancellationToken ct)
    {
        var existing = await db.CaseNumberCounters.AsTracking().ToDictionaryAsync(c => c.Year, ct);
        foreach (var (year, last) in sequences)
        {
            if (existing.TryGetValue(year, out var counter))
            {
                counter.Last = last;
            }
            else
            {
                db.CaseNumberCounters.Add(new CaseNumberCounter { Year = year, Last = last });
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Rows were written with explicit ids; move PostgreSQL's identity sequences past them.</summary>
    private async Task ResetIdentitiesAsync(CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.FindProperty("Id")?.ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAdd))
        {
            var table = entity.GetTableName();
            // The table name comes from our own model, never from input.
            // is_called false: the next id is MAX + 1 — for an empty table 1, as on SQLite (not 2, which made the
            // first referral's id differ between the providers).
            var sql = "SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), COALESCE((SELECT MAX(id) FROM " + table + "), 0) + 1, false)";
            await db.Database.ExecuteSqlRawAsync(sql, ct);
        }
    }
}
