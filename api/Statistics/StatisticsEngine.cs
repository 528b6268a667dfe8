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
/// Computes the figures of DESIGN §6 in the database: one GROUP BY over the union of the facts each family counts
/// (petitions, backlog spans, deadlines, evaluations), bucketed by a CASE over the bucket edges — or, when grouping
/// by leader, channel or level, one such statement per family.
/// Only facts at or before <see cref="StatisticsRequest.Now"/> count, so a past bucket never changes.
/// </summary>
public sealed class StatisticsEngine(PetitionDbContext db, Func<PetitionDbContext>? contexts = null)
{
    /// <summary>Families run at once, each on a context of its own, when a factory is given (at most this many).</summary>
    private const int Parallelism = 4;

    /// <summary>One family: its facts, and how a total of them adds into the rows.</summary>
    private sealed record Family(
        FigureFamilies Flag, Func<PetitionDbContext, FactPlan, IFactQuery> Facts, Action<FactPlan, FactTotal, Func<int, StatisticsGroup, FigureCounts>> Add);

    private static readonly Family[] Families =
    [
        new(FigureFamilies.Petitions,
            (db, _) => new FactQuery<Petition>(db.Petitions, p => p.Case!, p => p.ReceivedAt,
                A: p => p.Level == PetitionLevel.Province || p.Level == PetitionLevel.National ? 1 : 0, B: p => p.IsFirst ? 0 : 1,
                OwnChannel: p => p.Channel, OwnLevel: p => p.Level),
            (plan, t, at) =>
            {
                var counts = at(t.Bucket, plan.Group(t));
                counts.Petitions += t.Count;
                counts.HighLevelPetitions += t.A;
                counts.RepeatPetitions += t.B;
                counts.Increment += t.Count - t.B;
            }),
        // The first time a case entered the backlog: a case back in it after reopening is not new backlog.
        new(FigureFamilies.BacklogEntries,
            (db, _) => new FactQuery<CaseBacklogInterval>(db.CaseBacklogIntervals.Where(i => !db.CaseBacklogIntervals.Any(e => e.CaseId == i.CaseId
                && (e.EnteredAt < i.EnteredAt || (e.EnteredAt == i.EnteredAt && e.Id < i.Id)))), i => i.Case!, i => i.EnteredAt),
            (plan, t, at) => at(t.Bucket, plan.Group(t)).BacklogIncrement += t.Count),
        new(FigureFamilies.Resolutions,
            (db, plan) =>
            {
                // The event's own instant bounds the search too (it equals LeftAt), so the (kind, at) index serves it.
                var (from, until) = (plan.From, plan.Until);
                return new FactQuery<CaseBacklogInterval>(db.CaseBacklogIntervals.Where(i => i.LeftAt != null
                    && db.CaseEvents.Any(e => e.Kind == CaseEventKind.Resolved && e.At >= from && e.At < until && e.CaseId == i.CaseId && e.At == i.LeftAt)),
                    i => i.Case!, i => i.LeftAt!.Value);
            },
            (plan, t, at) => at(t.Bucket, plan.Group(t)).Resolved += t.Count),
        new(FigureFamilies.Notices,
            (db, _) => new FactQuery<CaseDeadline>(Deadlines(db, DeadlineStep.Notice), d => d.Case!, d => d.DueAt, A: OnTime),
            (plan, t, at) =>
            {
                var counts = at(t.Bucket, plan.Group(t));
                counts.AcceptanceDue += t.Count;
                counts.AcceptedOnTime += t.A;
            }),
        new(FigureFamilies.Conclusions,
            (db, _) => new FactQuery<CaseDeadline>(Deadlines(db, DeadlineStep.Conclusion), d => d.Case!, d => d.DueAt, A: OnTime),
            (plan, t, at) =>
            {
                var counts = at(t.Bucket, plan.Group(t));
                counts.ConclusionDue += t.Count;
                counts.ConcludedOnTime += t.A;
            }),
        new(FigureFamilies.ExpiredEvaluations,
            (db, _) => new FactQuery<CaseDeadline>(Deadlines(db, DeadlineStep.Evaluation).Where(d => d.MetAt == null || d.MetAt > d.DueAt), d => d.Case!, d => d.DueAt),
            (plan, t, at) => at(t.Bucket, plan.Group(t)).EvaluationExpired += t.Count),
        new(FigureFamilies.Evaluations,
            (db, _) => new FactQuery<Evaluation>(db.Evaluations, e => e.Case!, e => e.At, A: e => e.Result == EvaluationResult.Dissatisfied ? 0 : 1),
            (plan, t, at) =>
            {
                var counts = at(t.Bucket, plan.Group(t));
                counts.Evaluated += t.Count;
                counts.Satisfied += t.A;
            }),
        new(FigureFamilies.Stock, (_, _) => new StockQuery(), (plan, t, at) => plan.AddStock(t, at)),
    ];

    public async Task<IReadOnlyList<StatisticsRow>> ComputeAsync(StatisticsRequest request, CancellationToken ct)
    {
        var serves = StatisticsRollups.Serves(request);
        var closed = serves ? await StatisticsRollups.ClosedWithinAsync(db, request, ct) : [];
        // A bucket spanning closed periods is counted as its pieces, so their roll-ups serve it too.
        var spans = ClosedSpans.Split(request, closed);
        var counted = spans is null ? request : request with { Buckets = spans.Pieces };
        var rows = new Dictionary<(int, StatisticsGroup), FigureCounts>();
        var rollups = serves ? new StatisticsRollups(db, counted, closed) : null;
        var live = rollups is null ? counted.Buckets : await rollups.ReadAsync(rows, ct);
        foreach (var run in Runs(live))
        {
            await ComputeLiveAsync(counted, run, rows, ct);
        }
        if (rollups is not null && request.Families == FigureFamilies.All && live.Count > 0)
        {
            await rollups.StoreAsync(live, rows, db, ct);
        }
        return await CompleteAsync(request, spans is null ? rows : spans.Fold(rows), ct);
    }

    /// <summary>
    /// The figures of one run of adjacent buckets. The plan counts facts by a bucket's position among the run's edges,
    /// so the run's buckets are numbered from 0 for it and the totals put back under each bucket's own index.
    /// </summary>
    private async Task ComputeLiveAsync(StatisticsRequest request, IReadOnlyList<Bucket> run, Dictionary<(int, StatisticsGroup), FigureCounts> rows, CancellationToken ct)
    {
        var positioned = request with { Buckets = [.. run.Select((b, i) => b with { Index = i })] };
        var selected = Families.Where(f => request.Families.HasFlag(f.Flag)).ToList();
        var plan = new FactPlan(db, positioned);
        var totals = plan.UnionServes ? await UnionAsync(plan, selected, ct) : await EachAsync(positioned, selected, ct);
        FigureCounts At(int position, StatisticsGroup group)
        {
            var key = (run[position].Index, group);
            if (!rows.TryGetValue(key, out var counts))
            {
                rows[key] = counts = new FigureCounts();
            }
            return counts;
        }
        foreach (var (family, total) in totals)
        {
            family.Add(plan, total, At);
        }
    }

    /// <summary>The buckets in runs whose each bucket starts where the one before ends (the plan's edges assume it).</summary>
    private static IEnumerable<List<Bucket>> Runs(IReadOnlyList<Bucket> buckets)
    {
        var run = new List<Bucket>();
        foreach (var bucket in buckets.OrderBy(b => b.Start))
        {
            if (run.Count > 0 && run[^1].End != bucket.Start)
            {
                yield return run;
                run = [];
            }
            run.Add(bucket);
        }
        if (run.Count > 0)
        {
            yield return run;
        }
    }

    /// <summary>Every selected family in one statement (grouping by the case's own category or village, or not at all).</summary>
    private async Task<List<(Family, FactTotal)>> UnionAsync(FactPlan plan, List<Family> selected, CancellationToken ct)
    {
        var branches = selected.Select((family, index) => family.Facts(db, plan).Rows(plan, index)).OfType<IQueryable<FactRow>>().ToList();
        if (branches.Count == 0)
        {
            return [];
        }
        return [.. (await plan.UnionTotalsAsync(branches, ct)).Select(t => (selected[t.Family], t.Total))];
    }

    /// <summary>
    /// A statement per family, when grouping by leader, channel or level (which need more than the fact's case); on
    /// their own connections when a factory is given, so the database works on them at once.
    /// </summary>
    private async Task<List<(Family, FactTotal)>> EachAsync(StatisticsRequest request, List<Family> selected, CancellationToken ct)
    {
        async Task<List<(Family, FactTotal)>> Run(Family family, PetitionDbContext context)
        {
            var plan = new FactPlan(context, request);
            return [.. (await family.Facts(context, plan).AggregateAsync(plan, ct)).Select(t => (family, t))];
        }
        if (contexts is null || selected.Count < 2)
        {
            var all = new List<(Family, FactTotal)>();
            foreach (var family in selected)
            {
                all.AddRange(await Run(family, db));
            }
            return all;
        }
        using var gate = new SemaphoreSlim(Parallelism);
        var each = await Task.WhenAll(selected.Select(async family =>
        {
            await gate.WaitAsync(ct);
            try
            {
                await using var own = contexts();
                return await Run(family, own);
            }
            finally
            {
                gate.Release();
            }
        }));
        return [.. each.SelectMany(x => x)];
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
