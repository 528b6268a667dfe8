using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.Statistics;

namespace PetitionGraph.Api.Campaigns;

/// <summary>One target's standing: the figure at the baseline, now, the value to reach, and whether it is reached.</summary>
public sealed record TargetProgress(CampaignTarget Target, double? Baseline, double? Current, double? Goal, bool Met)
{
    /// <summary>For a target relative to the district: the district figure it was measured against.</summary>
    public DistrictFigure? District { get; init; }
}

/// <summary>
/// Measures a campaign's targets. Stock is taken at the baseline instant and at the instant asked about; counts and
/// rates over [baseline, asOf) are compared with the equally long period just before the baseline.
/// A rate with nothing due yet (no denominator) has no current value and counts as met: nothing was missed.
/// A target relative to the district is measured against the district figure of the latest period that ended by the
/// instant measured (its latest entry); without one, it has no goal and is not met.
/// </summary>
public static class CampaignProgressCalculator
{
    public static async Task<IReadOnlyList<TargetProgress>> MeasureAsync(
        PetitionDbContext db, Campaign campaign, Expression<Func<Case, bool>> cases, DateTime asOf, DateTime now, CancellationToken ct)
    {
        var start = campaign.BaselineAt;
        if (asOf <= start)
        {
            return campaign.Targets.Select(t => new TargetProgress(t, null, null, null, false)).ToList();
        }
        var before = start - (asOf - start);
        var rows = await new StatisticsEngine(db).ComputeAsync(
            new StatisticsRequest([new Bucket(0, before, start, "baseline"), new Bucket(1, start, asOf, "campaign")], [], cases, now), ct);
        var baseline = rows.Single(r => r.Bucket.Index == 0).Counts;
        var current = rows.Single(r => r.Bucket.Index == 1).Counts;
        var relative = campaign.Targets.Where(t => t.IsRelativeToDistrict).Select(t => t.Figure).Distinct().ToList();
        var district = new Dictionary<CampaignFigure, DistrictFigure>();
        foreach (var figure in relative)
        {
            if (await db.DistrictFigures.Where(f => f.Figure == figure && f.PeriodTo <= asOf).OrderByDescending(f => f.PeriodTo).ThenByDescending(f => f.Id)
                .FirstOrDefaultAsync(ct) is { } latest)
            {
                district[figure] = latest;
            }
        }
        return campaign.Targets.OrderBy(t => t.Id)
            .Select(t => t.IsRelativeToDistrict
                ? Relative(t, Value(t.Figure, baseline), Value(t.Figure, current), district.GetValueOrDefault(t.Figure))
                : Measure(t, Value(t.Figure, baseline), Value(t.Figure, current)))
            .ToList();
    }

    /// <summary>高于全区平均: strictly above the district's figure plus the margin (below it minus the margin).</summary>
    private static TargetProgress Relative(CampaignTarget target, double? baseline, double? current, DistrictFigure? district)
    {
        if (district is null)
        {
            return new TargetProgress(target, baseline, current, null, false);
        }
        var above = target.Comparison == TargetComparison.AboveDistrict;
        var goal = Math.Round(above ? district.Value + target.Value : district.Value - target.Value, 6);
        var met = current is not { } c || (above ? c > goal : c < goal);
        return new TargetProgress(target, baseline, current, goal, met) { District = district };
    }

    private static TargetProgress Measure(CampaignTarget target, double? baseline, double? current)
    {
        // A goal in cases is whole cases — at most ⌊baseline × (1 − p)⌋ (52.8 cases is not a goal); a rate stays a fraction.
        double? goal = target.Comparison != TargetComparison.ReduceByPercent ? target.Value
            : baseline is not { } b ? null
            : IsCount(target.Figure) ? Math.Floor(Math.Round(b * (1 - (target.Value / 100)), 6))
            : Math.Round(b * (1 - (target.Value / 100)), 6);
        var met = target.Comparison switch
        {
            TargetComparison.ReduceByPercent => current is { } c && goal is { } g && c <= g,
            TargetComparison.AtMost => current is not { } c || c <= target.Value,
            _ => current is not { } c || c >= target.Value,
        };
        return new TargetProgress(target, baseline, current, goal, met);
    }

    public static bool IsCount(CampaignFigure figure) => !figure.ToString().EndsWith("Rate", StringComparison.Ordinal);

    private static double? Value(CampaignFigure figure, FigureCounts f) => figure switch
    {
        CampaignFigure.Stock => f.Stock,
        CampaignFigure.HighLevelPetitions => f.HighLevelPetitions,
        CampaignFigure.BacklogIncrement => f.BacklogIncrement,
        CampaignFigure.Increment => f.Increment,
        CampaignFigure.OnTimeAcceptanceRate => Ratio(f.AcceptedOnTime, f.AcceptanceDue),
        CampaignFigure.OnTimeConclusionRate => Ratio(f.ConcludedOnTime, f.ConclusionDue),
        CampaignFigure.EvaluationRate => Ratio(f.Evaluated, f.Evaluated + f.EvaluationExpired),
        CampaignFigure.SatisfactionRate => Ratio(f.Satisfied, f.Evaluated),
        _ => Ratio(f.RepeatPetitions, f.Petitions),
    };

    private static double? Ratio(int numerator, int denominator) => denominator == 0 ? null : (double)numerator / denominator;
}
