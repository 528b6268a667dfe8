using System.Linq.Expressions;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.Petitions;

namespace PetitionGraph.Api.Statistics;

/// <summary>What to compute: buckets, dimensions, the cases that count, and the instant the figures are taken at.</summary>
public sealed record StatisticsRequest(
    IReadOnlyList<Bucket> Buckets, IReadOnlyList<StatisticsDimension> GroupBy, Expression<Func<Case, bool>> Cases,
    DateTime Now, FigureFamilies Families = FigureFamilies.All);

/// <summary>
/// Computes the figures of DESIGN §6 in the database: one GROUP BY statement per family of figures over the
/// facts they count (petitions, backlog spans, deadlines, evaluations), bucketed by a CASE over the bucket edges.
/// Only facts at or before <see cref="StatisticsRequest.Now"/> count, so a past bucket never changes.
/// </summary>
public sealed class StatisticsEngine(PetitionDbContext db, Func<PetitionDbContext>? contexts = null)
{
    /// <summary>Families run at once, each on a context of its own, when a factory is given (at most this many).</summary>
    private const int Parallelism = 4;

    /// <summary>One family: its statement, and how its totals add into the rows.</summary>
    private sealed record Family(FigureFamilies Flag, Func<PetitionDbContext, FactPlan, CancellationToken, Task<Action<Func<int, StatisticsGroup, FigureCounts>>>> Run);

    private static readonly Family[] Families =
    [
        new(FigureFamilies.Petitions, async (db, plan, ct) =>
        {
            var totals = await plan.Aggregate(db.Petitions, p => p.Case!, p => p.ReceivedAt,
                p => p.Level == PetitionLevel.Province || p.Level == PetitionLevel.National ? 1 : 0, p => p.IsFirst ? 0 : 1,
                p => p.Channel, p => p.Level, ct);
            return at =>
            {
                foreach (var (key, count, a, b) in totals)
                {
                    var counts = at(key.Bucket, plan.Group(key));
                    counts.Petitions += count;
                    counts.HighLevelPetitions += a;
                    counts.RepeatPetitions += b;
                    counts.Increment += count - b;
                }
            };
        }),
        new(FigureFamilies.BacklogEntries, async (db, plan, ct) =>
        {
            // The first time a case entered the backlog: a case back in it after reopening is not new backlog.
            var firstEntries = db.CaseBacklogIntervals.Where(i => !db.CaseBacklogIntervals.Any(e => e.CaseId == i.CaseId
                && (e.EnteredAt < i.EnteredAt || (e.EnteredAt == i.EnteredAt && e.Id < i.Id))));
            var totals = await plan.Aggregate(firstEntries, i => i.Case!, i => i.EnteredAt, null, null, null, null, ct);
            return at => totals.ForEach(t => at(t.Bucket, plan.Group(t)).BacklogIncrement += t.Count);
        }),
        new(FigureFamilies.Resolutions, async (db, plan, ct) =>
        {
            // The event's own instant bounds the search too (it equals LeftAt), so the (kind, at) index serves it.
            var (from, until) = (plan.From, plan.Until);
            var resolutions = db.CaseBacklogIntervals.Where(i => i.LeftAt != null
                && db.CaseEvents.Any(e => e.Kind == CaseEventKind.Resolved && e.At >= from && e.At < until && e.CaseId == i.CaseId && e.At == i.LeftAt));
            var totals = await plan.Aggregate(resolutions, i => i.Case!, i => i.LeftAt!.Value, null, null, null, null, ct);
            return at => totals.ForEach(t => at(t.Bucket, plan.Group(t)).Resolved += t.Count);
        }),
        new(FigureFamilies.Notices, async (db, plan, ct) =>
        {
            var totals = await plan.Aggregate(Deadlines(db, DeadlineStep.Notice), d => d.Case!, d => d.DueAt, OnTime, null, null, null, ct);
            return at => totals.ForEach(t =>
            {
                var counts = at(t.Bucket, plan.Group(t));
                counts.AcceptanceDue += t.Count;
                counts.AcceptedOnTime += t.A;
            });
        }),
        new(FigureFamilies.Conclusions, async (db, plan, ct) =>
        {
            var totals = await plan.Aggregate(Deadlines(db, DeadlineStep.Conclusion), d => d.Case!, d => d.DueAt, OnTime, null, null, null, ct);
            return at => totals.ForEach(t =>
            {
                var counts = at(t.Bucket, plan.Group(t));
                counts.ConclusionDue += t.Count;
                counts.ConcludedOnTime += t.A;
            });
        }),
        new(FigureFamilies.ExpiredEvaluations, async (db, plan, ct) =>
        {
            var expired = Deadlines(db, DeadlineStep.Evaluation).Where(d => d.MetAt == null || d.MetAt > d.DueAt);
            var totals = await plan.Aggregate(expired, d => d.Case!, d => d.DueAt, null, null, null, null, ct);
            return at => totals.ForEach(t => at(t.Bucket, plan.Group(t)).EvaluationExpired += t.Count);
        }),
        new(FigureFamilies.Evaluations, async (db, plan, ct) =>
        {
            var totals = await plan.Aggregate(db.Evaluations, e => e.Case!, e => e.At, e => e.Result == EvaluationResult.Dissatisfied ? 0 : 1, null, null, null, ct);
            return at => totals.ForEach(t =>
            {
                var counts = at(t.Bucket, plan.Group(t));
                counts.Evaluated += t.Count;
                counts.Satisfied += t.A;
            });
        }),
        new(FigureFamilies.Stock, async (db, plan, ct) =>
        {
            var stock = await plan.StockAsync(ct);
            return at => stock.ForEach(s => at(s.Bucket, s.Group).Stock += s.Stock);
        }),
    ];

    public async Task<IReadOnlyList<StatisticsRow>> ComputeAsync(StatisticsRequest request, CancellationToken ct)
    {
        var selected = Families.Where(f => request.Families.HasFlag(f.Flag)).ToList();
        List<Action<Func<int, StatisticsGroup, FigureCounts>>> results;
        if (contexts is null || selected.Count < 2)
        {
            results = [];
            foreach (var family in selected)
            {
                results.Add(await family.Run(db, new FactPlan(db, request), ct));
            }
        }
        else
        {
            // The families share nothing: on their own connections the database works on them at once.
            using var gate = new SemaphoreSlim(Parallelism);
            results = [.. await Task.WhenAll(selected.Select(async family =>
            {
                await gate.WaitAsync(ct);
                try
                {
                    await using var own = contexts();
                    return await family.Run(own, new FactPlan(own, request), ct);
                }
                finally
                {
                    gate.Release();
                }
            }))];
        }

        var rows = new Dictionary<(int, StatisticsGroup), FigureCounts>();
        FigureCounts At(int bucket, StatisticsGroup group)
        {
            if (!rows.TryGetValue((bucket, group), out var counts))
            {
                rows[(bucket, group)] = counts = new FigureCounts();
            }
            return counts;
        }
        foreach (var apply in results)
        {
            apply(At);
        }
        return await CompleteAsync(request, rows, ct);
    }

    private static readonly Expression<Func<CaseDeadline, int>> OnTime = d => d.MetAt != null && d.MetAt <= d.DueAt ? 1 : 0;

    private static IQueryable<CaseDeadline> Deadlines(PetitionDbContext db, DeadlineStep step) => db.CaseDeadlines.Where(d => d.Step == step);

    /// <summary>Every bucket × every value of each dimension, zeros included, in a stable order.</summary>
    private async Task<IReadOnlyList<StatisticsRow>> CompleteAsync(
        StatisticsRequest request, Dictionary<(int, StatisticsGroup), FigureCounts> rows, CancellationToken ct)
    {
        var groups = await StatisticsGroups.AllAsync(db, request.GroupBy, ct);
        var result = new List<StatisticsRow>(request.Buckets.Count * groups.Count);
        foreach (var bucket in request.Buckets)
        {
            foreach (var group in groups)
            {
                result.Add(new StatisticsRow(bucket, group, rows.GetValueOrDefault((bucket.Index, group)) ?? new FigureCounts()));
            }
        }
        return result;
    }
}
