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
public sealed class StatisticsEngine(PetitionDbContext db)
{
    public async Task<IReadOnlyList<StatisticsRow>> ComputeAsync(StatisticsRequest request, CancellationToken ct)
    {
        var rows = new Dictionary<(int, StatisticsGroup), FigureCounts>();
        var plan = new FactPlan(db, request);
        FigureCounts At(int bucket, StatisticsGroup group)
        {
            if (!rows.TryGetValue((bucket, group), out var counts))
            {
                rows[(bucket, group)] = counts = new FigureCounts();
            }
            return counts;
        }

        var families = request.Families;
        if (families.HasFlag(FigureFamilies.Petitions))
        {
            foreach (var (key, count, a, b) in await plan.Aggregate(db.Petitions, p => p.Case!, p => p.ReceivedAt,
                p => p.Level == PetitionLevel.Province || p.Level == PetitionLevel.National ? 1 : 0, p => p.IsFirst ? 0 : 1,
                p => p.Channel, p => p.Level, ct))
            {
                var counts = At(key.Bucket, plan.Group(key));
                counts.Petitions += count;
                counts.HighLevelPetitions += a;
                counts.RepeatPetitions += b;
                counts.Increment += count - b;
            }
        }
        if (families.HasFlag(FigureFamilies.BacklogEntries))
        {
            // The first time a case entered the backlog: a case back in it after reopening is not new backlog.
            var firstEntries = db.CaseBacklogIntervals.Where(i => !db.CaseBacklogIntervals.Any(e => e.CaseId == i.CaseId
                && (e.EnteredAt < i.EnteredAt || (e.EnteredAt == i.EnteredAt && e.Id < i.Id))));
            foreach (var (key, count, _, _) in await plan.Aggregate(firstEntries, i => i.Case!, i => i.EnteredAt, null, null, null, null, ct))
            {
                At(key.Bucket, plan.Group(key)).BacklogIncrement += count;
            }
        }
        if (families.HasFlag(FigureFamilies.Resolutions))
        {
            var resolutions = db.CaseBacklogIntervals.Where(i => i.LeftAt != null
                && db.CaseEvents.Any(e => e.CaseId == i.CaseId && e.At == i.LeftAt && e.Kind == CaseEventKind.Resolved));
            foreach (var (key, count, _, _) in await plan.Aggregate(resolutions, i => i.Case!, i => i.LeftAt!.Value, null, null, null, null, ct))
            {
                At(key.Bucket, plan.Group(key)).Resolved += count;
            }
        }
        if (families.HasFlag(FigureFamilies.Notices))
        {
            foreach (var (key, count, a, _) in await plan.Aggregate(Deadlines(DeadlineStep.Notice), d => d.Case!, d => d.DueAt, OnTime, null, null, null, ct))
            {
                var counts = At(key.Bucket, plan.Group(key));
                counts.AcceptanceDue += count;
                counts.AcceptedOnTime += a;
            }
        }
        if (families.HasFlag(FigureFamilies.Conclusions))
        {
            foreach (var (key, count, a, _) in await plan.Aggregate(Deadlines(DeadlineStep.Conclusion), d => d.Case!, d => d.DueAt, OnTime, null, null, null, ct))
            {
                var counts = At(key.Bucket, plan.Group(key));
                counts.ConclusionDue += count;
                counts.ConcludedOnTime += a;
            }
        }
        if (families.HasFlag(FigureFamilies.ExpiredEvaluations))
        {
            var expired = Deadlines(DeadlineStep.Evaluation).Where(d => d.MetAt == null || d.MetAt > d.DueAt);
            foreach (var (key, count, _, _) in await plan.Aggregate(expired, d => d.Case!, d => d.DueAt, null, null, null, null, ct))
            {
                At(key.Bucket, plan.Group(key)).EvaluationExpired += count;
            }
        }
        if (families.HasFlag(FigureFamilies.Evaluations))
        {
            foreach (var (key, count, a, _) in await plan.Aggregate(db.Evaluations, e => e.Case!, e => e.At,
                e => e.Result == EvaluationResult.Dissatisfied ? 0 : 1, null, null, null, ct))
            {
                var counts = At(key.Bucket, plan.Group(key));
                counts.Evaluated += count;
                counts.Satisfied += a;
            }
        }
        if (families.HasFlag(FigureFamilies.Stock))
        {
            foreach (var (bucket, group, stock) in await plan.StockAsync(ct))
            {
                At(bucket, group).Stock += stock;
            }
        }

        return await CompleteAsync(request, rows, ct);
    }

    private static readonly Expression<Func<CaseDeadline, int>> OnTime = d => d.MetAt != null && d.MetAt <= d.DueAt ? 1 : 0;

    private IQueryable<CaseDeadline> Deadlines(DeadlineStep step) => db.CaseDeadlines.Where(d => d.Step == step);

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
