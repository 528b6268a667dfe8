using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Statistics;
using PetitionGraph.Reporting;
using Rate = PetitionGraph.Reporting.Rate;

namespace PetitionGraph.Api.Reports;

/// <summary>上期数据更正: what corrections recorded in a report's period did to the figures of closed periods.</summary>
public sealed partial class ReportDataBuilder
{
    private static readonly (string Name, Func<FigureCounts, object> Value)[] Compared =
    [
        ("积案存量（期末）", f => f.Stock),
        ("新增案件（增量）", f => f.Increment),
        ("新增积案", f => f.BacklogIncrement),
        ("化解积案", f => f.Resolved),
        ("信访总量", f => f.Petitions),
        ("赴省进京信访", f => f.HighLevelPetitions),
        ("重复信访率", f => new Rate(f.RepeatPetitions, f.Petitions)),
        ("及时受理率", f => new Rate(f.AcceptedOnTime, f.AcceptanceDue)),
        ("按期办结率", f => new Rate(f.ConcludedOnTime, f.ConclusionDue)),
        ("参评率", f => new Rate(f.Evaluated, f.Evaluated + f.EvaluationExpired)),
        ("满意率", f => new Rate(f.Satisfied, f.Evaluated)),
    ];

    /// <summary>
    /// Each figure of a closed period that differs from its published value because of corrections recorded in
    /// [<paramref name="from"/>, <paramref name="to"/>): the period, the figure, published and restated, and the
    /// corrections (case and reason) that restate it. A closed period is restated by a correction recorded after it
    /// closed and dated before its end.
    /// </summary>
    internal async Task<List<RestatedFigure>> RestatedAsync(DateTime from, DateTime to, DateTime now, CancellationToken ct)
    {
        var corrections = await db.Corrections.Where(k => k.RecordedAt >= from && k.RecordedAt < to)
            .Join(db.Cases.Where(scope), k => k.CaseId, c => c.Id, (k, c) => new { k.DatedAt, k.RecordedAt, k.Reason, c.Number })
            .OrderBy(k => k.RecordedAt).ToListAsync(ct);
        if (corrections.Count == 0)
        {
            return [];
        }
        var earliest = corrections.Min(k => k.DatedAt);
        var periods = (await db.ClosedPeriods.Where(p => p.End > earliest && p.ClosedAt < to).OrderBy(p => p.End).ToListAsync(ct))
            .Where(p => corrections.Any(k => k.DatedAt < p.End && k.RecordedAt >= p.ClosedAt)).ToList();
        if (periods.Count == 0)
        {
            return [];
        }
        var buckets = periods.Select((p, i) => new Bucket(i, p.Start, p.End, p.Period)).ToList();
        var restated = await new StatisticsEngine(db, contexts).ComputeAsync(new StatisticsRequest(buckets, [], scope, now), ct);
        var rows = new List<RestatedFigure>();
        foreach (var (period, i) in periods.Select((p, i) => (p, i)))
        {
            var published = period.PublishedCounts;
            var restatedNow = restated.Single(r => r.Bucket.Index == i).Counts;
            var reasons = string.Join("；", corrections.Where(k => k.DatedAt < period.End && k.RecordedAt >= period.ClosedAt)
                .Select(k => $"{k.Number}：{k.Reason}").Distinct());
            rows.AddRange(Compared.Select(f => (f.Name, Published: f.Value(published), Restated: f.Value(restatedNow)))
                .Where(f => !Equals(f.Published, f.Restated))
                .Select(f => new RestatedFigure(period.Period, f.Name, f.Published, f.Restated, reasons)));
        }
        return rows;
    }
}
