using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.Periods;

namespace PetitionGraph.Api.Statistics;

/// <summary>
/// Closed periods never change but by a correction (which deletes their roll-ups in its own transaction), so a
/// town-wide request's buckets that are exactly closed periods are answered from <see cref="FigureRollup"/>s, and
/// those not rolled up yet are stored once computed. Filtered requests, and requests of callers who do not see every
/// case, are always computed: roll-ups are of the whole town.
/// </summary>
internal sealed class StatisticsRollups(PetitionDbContext db, StatisticsRequest request, IReadOnlyList<ClosedPeriod> closed)
{
    /// <summary>The closed periods inside the request's ended buckets: read once, for the roll-ups and for <see cref="ClosedSpans"/>.</summary>
    public static async Task<List<ClosedPeriod>> ClosedWithinAsync(PetitionDbContext db, StatisticsRequest request, CancellationToken ct)
    {
        var ended = request.Buckets.Where(b => b.End <= request.Now).ToList();
        if (ended.Count == 0)
        {
            return [];
        }
        var (from, until) = (ended.Min(b => b.Start), ended.Max(b => b.End));
        return await db.ClosedPeriods.AsNoTracking().Where(p => p.Start >= from && p.End <= until).ToListAsync(ct);
    }

    private readonly string _grouping = string.Join(",", request.GroupBy.Distinct().Order().Select(d => EnumNames.Name(d)));
    private Dictionary<int, ClosedPeriod> _periodOfBucket = [];

    /// <summary>
    /// Town-wide requests only; and not by team, way or assistance: those are the case's now (its team today, its latest
    /// settlement), so a closed period's figures by them may change.
    /// </summary>
    public static bool Serves(StatisticsRequest request) =>
        FactPlan.AlwaysTrue(request.Cases.Body) && !request.GroupBy.Any(d => d is StatisticsDimension.Team or StatisticsDimension.Way or StatisticsDimension.Assistance);

    /// <summary>Fills <paramref name="rows"/> with what is rolled up; returns the buckets still to compute.</summary>
    public async Task<IReadOnlyList<Bucket>> ReadAsync(Dictionary<(int, StatisticsGroup), FigureCounts> rows, CancellationToken ct)
    {
        var ended = request.Buckets.Where(b => b.End <= request.Now).ToList();
        if (ended.Count == 0)
        {
            return request.Buckets;
        }
        _periodOfBucket = ended.Select(b => (b, Period: closed.FirstOrDefault(p => p.Start == b.Start && p.End == b.End)))
            .Where(x => x.Period is not null).ToDictionary(x => x.b.Index, x => x.Period!);
        if (_periodOfBucket.Count == 0)
        {
            return request.Buckets;
        }
        var ids = _periodOfBucket.Values.Select(p => p.Id).Distinct().ToList();
        var stored = await db.FigureRollups.AsNoTracking().Where(r => ids.Contains(r.PeriodId) && r.Grouping == _grouping).ToListAsync(ct);
        var rolled = stored.Where(r => r.IsMarker).Select(r => r.PeriodId).ToHashSet();
        var byPeriod = stored.Where(r => !r.IsMarker || _grouping.Length == 0).ToLookup(r => r.PeriodId);
        var missing = new List<Bucket>();
        foreach (var bucket in request.Buckets)
        {
            if (_periodOfBucket.TryGetValue(bucket.Index, out var period) && rolled.Contains(period.Id))
            {
                foreach (var row in byPeriod[period.Id])
                {
                    rows[(bucket.Index, row.Group)] = row.Figures;
                }
            }
            else
            {
                missing.Add(bucket);
            }
        }
        return missing;
    }

    /// <summary>Stores the roll-ups of the closed periods among <paramref name="computed"/> (every family computed); best effort.</summary>
    public async Task StoreAsync(IReadOnlyList<Bucket> computed, Dictionary<(int, StatisticsGroup), FigureCounts> rows, PetitionDbContext target, CancellationToken ct)
    {
        var added = new List<FigureRollup>();
        foreach (var bucket in computed.Where(b => _periodOfBucket.ContainsKey(b.Index)))
        {
            var period = _periodOfBucket[bucket.Index];
            added.Add(Rollup(period.Id, StatisticsGroup.All, _grouping.Length == 0 ? rows.GetValueOrDefault((bucket.Index, StatisticsGroup.All)) ?? new FigureCounts() : new FigureCounts()));
            if (_grouping.Length > 0)
            {
                added.AddRange(rows.Where(r => r.Key.Item1 == bucket.Index).Select(r => Rollup(period.Id, r.Key.Item2, r.Value)));
            }
        }
        if (added.Count == 0)
        {
            return;
        }
        target.FigureRollups.AddRange(added);
        try
        {
            await target.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request stored them first (the unique key), or this database is a read-only replica: either way
            // the figures are right; only the saving is skipped.
        }
        finally
        {
            foreach (var rollup in added)
            {
                target.Entry(rollup).State = EntityState.Detached;
            }
        }
    }

    private FigureRollup Rollup(int period, StatisticsGroup group, FigureCounts counts) => new()
    {
        PeriodId = period,
        Grouping = _grouping,
        CategoryId = group.CategoryId,
        VillageId = group.VillageId,
        LeaderId = group.LeaderId,
        Channel = group.Channel,
        Level = group.Level,
        Counts = JsonSerializer.Serialize(counts),
        Key = string.Create(CultureInfo.InvariantCulture,
            $"{period}|{_grouping}|{group.CategoryId}|{group.VillageId}|{group.LeaderId}|{(group.Channel is { } c ? EnumNames.Name(c) : "")}|{(group.Level is { } l ? EnumNames.Name(l) : "")}"),
    };
}

/// <summary>
/// Rolls up the closed periods ahead of the first request: for each closed period missing a grouping (none, each
/// dimension, each pair), computes it once — the engine stores it. Run by the report scheduler after its runs, a few
/// periods per tick; two instances at once may compute the same one, and the unique key stores it once.
/// </summary>
public sealed class RollupWarmer(AnalyticsDatabase analytics, TimeProvider clock, ILogger<RollupWarmer> logger)
{
    /// <summary>Every grouping statistics accepts: none, each dimension, each pair.</summary>
    public static IReadOnlyList<StatisticsDimension[]> Groupings { get; } = BuildGroupings();

    public async Task<int> WarmAsync(int maxPeriods, CancellationToken ct)
    {
        await using var db = analytics.CreateDbContext();
        var names = Groupings.Select(g => string.Join(",", g.Order().Select(d => EnumNames.Name(d)))).ToList();
        var periods = await db.ClosedPeriods.AsNoTracking()
            .Where(p => db.FigureRollups.Count(r => r.PeriodId == p.Id && r.CategoryId == null && r.VillageId == null && r.LeaderId == null
                && r.Channel == null && r.Level == null) < names.Count)
            .OrderByDescending(p => p.End).Take(maxPeriods).ToListAsync(ct);
        var warmed = 0;
        foreach (var period in periods)
        {
            var done = (await db.FigureRollups.Where(r => r.PeriodId == period.Id).Select(r => r.Grouping).Distinct().ToListAsync(ct)).ToHashSet();
            foreach (var grouping in Groupings.Where(g => !done.Contains(string.Join(",", g.Order().Select(d => EnumNames.Name(d))))))
            {
                await new StatisticsEngine(db, analytics.CreateDbContext).ComputeAsync(
                    new StatisticsRequest([new Bucket(0, period.Start, period.End, period.Period)], grouping, _ => true, clock.GetUtcNow().UtcDateTime), ct);
                warmed++;
            }
        }
        if (warmed > 0)
        {
            logger.LogInformation("Rolled up {Groupings} grouping(s) of {Periods} closed period(s).", warmed, periods.Count);
        }
        return warmed;
    }

    private static List<StatisticsDimension[]> BuildGroupings()
    {
        var dimensions = Enum.GetValues<StatisticsDimension>();
        var all = new List<StatisticsDimension[]> { Array.Empty<StatisticsDimension>() };
        all.AddRange(dimensions.Select(d => new[] { d }));
        all.AddRange(dimensions.SelectMany((a, i) => dimensions.Skip(i + 1).Select(b => new[] { a, b })));
        return all;
    }
}
