using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Campaigns;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.Language;
using PetitionGraph.Api.Petitions;
using PetitionGraph.Api.Reports.Kinds;
using PetitionGraph.Api.Statistics;
using PetitionGraph.Reporting;
using PetitionGraph.Reporting.Kinds;
using Rate = PetitionGraph.Reporting.Rate;

namespace PetitionGraph.Api.Reports;

/// <summary>
/// Gathers what one report shows — figures from <see cref="StatisticsEngine"/>, case tables by projection — into the
/// reporting library's plain records, over the cases in the reader's scope. Reads only; petitioners' names are masked
/// unless the reader's role may see them.
/// </summary>
public sealed partial class ReportDataBuilder(
    PetitionDbContext db, OfficeTime office, KeyClassRules keyClasses, string officeName, Expression<Func<Case, bool>> scope, Func<PetitionDbContext>? contexts = null)
{
    private const int TrendBuckets = 12;
    private const int DueSoonDays = 7;

    internal OfficeTime Office => office;

    public async Task<ReportData> BuildAsync(ReportKind kind, ReportPeriod period, Role reader, DateTime now, CancellationToken ct)
    {
        var showsNames = PersonalDataPolicy.MayReadPersonalData(reader);
        var asOf = period.End < now ? period.End : now;
        var context = new ReportContext(ReportDefinitions.For(kind).Title, period.Label, now, office.Zone.Id, officeName, showsNames, PersonalDataPolicy.ChineseName(reader))
        {
            AsOfDay = office.ToOffice(asOf.AddTicks(-1)).Date,
        };
        var data = new ReportData(kind, context);
        var campaign = await db.Campaigns.Include(c => c.Phases).Include(c => c.Targets).AsSplitQuery()
            .Where(c => c.BaselineAt <= asOf).OrderByDescending(c => c.BaselineAt).ThenByDescending(c => c.Id).FirstOrDefaultAsync(ct);
        var source = ReportSources.For(kind);
        var progress = campaign is null || !source.ShowsTargets ? [] : await CampaignProgressCalculator.MeasureAsync(db, campaign, scope, asOf, now, ct);
        data = data with
        {
            StockTarget = progress.FirstOrDefault(p => p.Target.Figure == CampaignFigure.Stock)?.Goal,
            RateTargets = progress.Where(p => p.Target.Comparison == TargetComparison.AtLeast && IsRate(p.Target.Figure))
                .GroupBy(p => FigureName(p.Target.Figure)).ToDictionary(g => g.Key, g => g.First().Target.Value),
        };
        var request = new ReportRequest(period, asOf, now, showsNames, campaign, progress);
        return await source.GatherAsync(this, data, request, ct);
    }

    internal static Bucket Bucket(ReportPeriod period) => new(0, period.Start, period.End, period.Text);

    /// <summary>The twelve buckets of the period's size that end with it.</summary>
    internal Task<List<FigureRow>> TrendAsync(ReportPeriod period, DateTime now, CancellationToken ct)
    {
        var local = office.ToOffice(period.Start).DateTime;
        for (var i = 1; i < TrendBuckets; i++)
        {
            local = Buckets.Previous(local, period.Interval);
        }
        var buckets = Buckets.Build(office.FromOffice(local), period.End, period.Interval, office)!;
        return FiguresAsync(buckets, [], now, ct);
    }

    /// <summary>
    /// The period before (the trend's one but last), the same period a year earlier and 1 January of the period's year
    /// to its end (for a year, the year itself: no separate year to date).
    /// </summary>
    internal async Task<FigureComparison> ComparisonAsync(ReportPeriod period, IReadOnlyList<FigureRow> trend, DateTime now, CancellationToken ct)
    {
        var local = office.ToOffice(period.Start).DateTime;
        var yearAgo = office.FromOffice(local.AddYears(-1));
        var lastYear = (await FiguresAsync([new Bucket(0, yearAgo, office.FromOffice(office.ToOffice(period.End).DateTime.AddYears(-1)), "同期")], [], now, ct)).Single();
        FigureRow? yearToDate = null;
        if (period.Interval != StatisticsInterval.Year)
        {
            var january = office.FromOffice(new DateTime(local.Year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified));
            yearToDate = (await FiguresAsync([new Bucket(0, january, period.End, "本年累计")], [], now, ct)).Single();
        }
        return new FigureComparison(trend.Count > 1 ? trend[^2] : null, lastYear, yearToDate);
    }

    internal async Task<List<FigureRow>> FiguresAsync(IReadOnlyList<Bucket> buckets, IReadOnlyList<StatisticsDimension> groupBy, DateTime now, CancellationToken ct)
    {
        var rows = await new StatisticsEngine(db, contexts).ComputeAsync(new StatisticsRequest(buckets, groupBy, scope, now), ct);
        var categories = groupBy.Contains(StatisticsDimension.Category) ? await db.Categories.ToDictionaryAsync(c => c.Id, c => c.NameZh, ct) : [];
        var villages = groupBy.Contains(StatisticsDimension.Village) ? await db.Villages.ToDictionaryAsync(v => v.Id, v => v.Name, ct) : [];
        return rows.Select(r =>
        {
            var f = r.Counts;
            var group = r.Group.CategoryId is { } c ? categories[c] : r.Group.VillageId is { } v ? villages[v] : null;
            return new FigureRow(r.Bucket.Start, r.Bucket.End, r.Bucket.Label, group, f.Stock, f.Increment, f.BacklogIncrement, f.Resolved,
                f.HighLevelPetitions, f.Petitions, new Rate(f.RepeatPetitions, f.Petitions), new Rate(f.AcceptedOnTime, f.AcceptanceDue),
                new Rate(f.ConcludedOnTime, f.ConclusionDue), new Rate(f.Evaluated, f.Evaluated + f.EvaluationExpired), new Rate(f.Satisfied, f.Evaluated));
        }).ToList();
    }

    /// <summary>Steps overdue at the instant or due within a week of it.</summary>
    internal async Task<List<DueRow>> DueAsync(DateTime at, CancellationToken ct)
    {
        var soon = at.AddDays(DueSoonDays);
        var cases = await db.Cases.Where(scope).Where(c => c.NextDueAt != null && c.NextDueAt < soon)
            .OrderBy(c => c.NextDueAt).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Number,
                c.Title,
                c.Status,
                DueAt = c.NextDueAt!.Value,
                Village = c.Village!.Name,
                Category = c.Category!.NameZh,
                Leaders = c.Assignments.Where(a => a.From <= at && (a.To == null || a.To > at)).Select(a => a.Leader!.Name).ToList(),
            })
            .AsSplitQuery().ToListAsync(ct);
        return cases.Select(c => new DueRow(c.Number, c.Title, c.Village, c.Category, StepName(c.Status), c.DueAt,
            office.CalendarDaysBetween(at, c.DueAt), string.Join("、", c.Leaders))).ToList();
    }

    /// <summary>
    /// The key cases as of the instant, in no order (the report sorts them once for all its lists:
    /// CaseTables.InKeyCaseOrder), counted from the baseline when there is one and from the first petition otherwise —
    /// KeyClassRules.Since's rules, as keyCases(at:, since:) counts them. Each case's counted petitions are tallied in
    /// one grouped pass and joined to the cases that are long open or have a tally; the class is decided here.
    /// </summary>
    internal async Task<List<KeyCaseRow>> KeyCasesAsync(DateTime at, DateTime? since, CancellationToken ct)
    {
        var counted = KeyClassRules.Counted(at, since);
        var collective = keyClasses.CollectiveThreshold;
        // Only the petitions a class can come from are tallied (most are neither national, referred by the city nor
        // collective at the province): the grouping is then over a few cases, not every case.
        var tallies = db.Petitions.Where(counted)
            .Where(p => p.Level == PetitionLevel.National || p.ReferredFrom == PetitionLevel.City || (p.Level == PetitionLevel.Province && p.PeopleCount >= collective))
            .GroupBy(p => p.CaseId).Select(g => new
            {
                CaseId = g.Key,
                National = g.Count(p => p.Level == PetitionLevel.National),
                CityReferred = g.Count(p => p.ReferredFrom == PetitionLevel.City),
                CollectiveNational = g.Count(p => p.Level == PetitionLevel.National && p.PeopleCount >= collective),
                CollectiveProvince = g.Count(p => p.Level == PetitionLevel.Province && p.PeopleCount >= collective),
            });
        var longOpen = at.AddYears(-keyClasses.Class4Years);
        var province = keyClasses.Class5ProvinceCollective;
        // PostgreSQL shares the scan of every case between parallel workers only when told that passing a row back is
        // cheap: costing the quarter of a million rows through Gather at its default, it scans alone (at 1M cases the
        // query takes 1.2 s instead of 1.5). The setting lasts as long as this read-only transaction.
        await using var transaction = db.Database.IsNpgsql() ? await db.Database.BeginTransactionAsync(ct) : null;
        if (transaction is not null)
        {
            await db.Database.ExecuteSqlRawAsync("SET LOCAL parallel_tuple_cost = 0.001", ct);
        }
        var found = await (
            from c in db.Cases.Where(scope).Where(c => c.OpenedAt < at)
            join t in tallies on c.Id equals t.CaseId into counts
            from t in counts.DefaultIfEmpty()
            let open = (c.ResolvedAt == null || c.ResolvedAt > at) && (c.TerminatedAt == null || c.TerminatedAt > at) && c.OpenedAt <= longOpen
            // A case without a tally has nulls here (the left join): SQL's comparisons make them false, coalesced to 0 below.
            where open || (int?)t!.National > 0 || (int?)t!.CityReferred > 0 || (int?)t!.CollectiveProvince >= province
            select new
            {
                c.Number,
                c.Title,
                c.Status,
                c.OpenedAt,
                c.VillageId,
                c.CategoryId,
                Open = open,
                National = (int?)t!.National ?? 0,
                CityReferred = ((int?)t!.CityReferred ?? 0) > 0,
                CollectiveNational = ((int?)t!.CollectiveNational ?? 0) > 0,
                CollectiveProvince = (int?)t!.CollectiveProvince ?? 0,
            }).ToListAsync(ct);
        // Names from the two small tables, not joined onto a quarter of a million rows (0.15 s of the query at 1M).
        var villages = await db.Villages.ToDictionaryAsync(v => v.Id, v => v.Name, ct);
        var categories = await db.Categories.ToDictionaryAsync(c => c.Id, c => c.NameZh, ct);
        return found
            .Select(c => (Class: keyClasses.FromTally(c.National, c.CityReferred, c.CollectiveNational, c.CollectiveProvince, c.Open), Case: c))
            .Where(k => k.Class is not null)
            .Select(k => new KeyCaseRow(k.Class!.Value, k.Case.Number, k.Case.Title, villages[k.Case.VillageId], categories[k.Case.CategoryId], k.Case.National,
                StatusName(k.Case.Status), office.CalendarDaysBetween(k.Case.OpenedAt, at)))
            .ToList();
    }

    internal static CampaignTargetRow TargetRow(TargetProgress p) =>
        new(FigureName(p.Target.Figure), ComparisonName(p.Target), p.Goal ?? p.Target.Value, p.Baseline, p.Current, p.Met)
        {
            Percent = IsRate(p.Target.Figure),
            PointInTime = p.Target.Figure == CampaignFigure.Stock,
        };

    private static bool IsRate(CampaignFigure figure) => figure.ToString().EndsWith("Rate", StringComparison.Ordinal);

    public static string FigureName(CampaignFigure figure) => figure switch
    {
        CampaignFigure.Stock => "积案存量",
        CampaignFigure.HighLevelPetitions => "赴省进京信访",
        CampaignFigure.BacklogIncrement => "新增积案",
        CampaignFigure.Increment => "新增案件",
        CampaignFigure.OnTimeAcceptanceRate => "及时受理率",
        CampaignFigure.OnTimeConclusionRate => "按期办结率",
        CampaignFigure.EvaluationRate => "参评率",
        CampaignFigure.SatisfactionRate => "满意率",
        _ => "重复信访率",
    };

    private static string ComparisonName(CampaignTarget target) => target.Comparison switch
    {
        TargetComparison.ReduceByPercent => $"较基线下降{target.Value:0.#}%",
        TargetComparison.AtMost => "不高于",
        TargetComparison.AboveDistrict => "高于全区",
        TargetComparison.BelowDistrict => "低于全区",
        _ => "不低于",
    };

    internal static string PhaseName(CampaignPhaseKind kind) => kind switch
    {
        CampaignPhaseKind.Screening => "排查",
        CampaignPhaseKind.Planning => "施策",
        CampaignPhaseKind.ConcentratedEffort => "攻坚",
        _ => "巩固",
    };

    public static string StatusName(CaseStatus status) => status switch
    {
        CaseStatus.Registered => "待受理",
        CaseStatus.Accepted => "办理中",
        CaseStatus.Declined => "不予受理",
        CaseStatus.Concluded => "已办结",
        CaseStatus.UnderReview => "复查中",
        CaseStatus.Reviewed => "已复查",
        CaseStatus.UnderSecondReview => "复核中",
        CaseStatus.SecondReviewed => "已复核",
        CaseStatus.Resolved => "已化解",
        _ => "已终结",
    };

    private static string StepName(CaseStatus status) => status switch
    {
        CaseStatus.Registered => "受理告知",
        CaseStatus.Accepted => "办结答复",
        CaseStatus.UnderReview => "复查答复",
        CaseStatus.UnderSecondReview => "复核答复",
        _ => "办理",
    };
}

/// <summary>
/// A report that cannot be made from the data there is (e.g. campaign progress without a campaign). Its
/// <see cref="Exception.Message"/> is the English; <see cref="Text"/> has both languages.
/// </summary>
public sealed class ReportDataException(Msg text) : Exception(text.En)
{
    public Msg Text => text;
}
