using System.Linq.Expressions;
using GraphQL;
using GraphQL.Types;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.Errors;
using PetitionGraph.Api.GraphQL.Filtering;
using PetitionGraph.Api.GraphQL.Projection;
using PetitionGraph.Api.GraphQL.Scalars;
using PetitionGraph.Api.Language;

namespace PetitionGraph.Api.Statistics;

public static class StatisticsQueries
{
    public static void AddStatisticsQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<StatisticsType>>("statistics")
            .Description("Figures per calendar bucket (office time), optionally grouped, over the cases that match `where`. Computed in SQL from the event history.")
            .Argument<NonNullGraphType<DateTimeScalar>>("from", "Start of the period (inclusive); a bare date means office midnight.")
            .Argument<NonNullGraphType<DateTimeScalar>>("to", "End of the period (exclusive).")
            .Argument<EnumType<StatisticsInterval>>("interval", "Bucket size; MONTH when omitted.")
            .Argument<ListGraphType<NonNullGraphType<EnumType<StatisticsDimension>>>>("groupBy", $"Up to {StatisticsGroups.MaxDimensions} dimensions.")
            .Argument<FilterInputType<Case>>("where", "Only cases that match (the same filter as `cases`).")
            .Argument<BooleanGraphType>("asPublished",
                "A bucket that is exactly a closed period gives its figures as published when it closed (published: true); the others as they stand now. Town-wide only: no groupBy or where.")
            .WithComplexityImpact(StatisticsCost.Of)
            .ResolveAsync(async c =>
            {
                var from = c.GetArgument<DateTime>("from");
                var to = c.GetArgument<DateTime>("to");
                var interval = c.GetArgument("interval", StatisticsInterval.Month);
                if (to <= from)
                {
                    throw new QueryError(ErrorCodes.InvalidArgument, new Msg("`to` 必须晚于 `from`。", "`to` must be after `from`."));
                }
                var office = c.RequestServices!.GetRequiredService<OfficeTime>();
                var buckets = Buckets.Build(from, to, interval, office)
                    ?? throw new QueryError(ErrorCodes.InvalidArgument, new Msg($"该期间按 {interval} 划分超过 {Buckets.MaxBuckets} 段；请选更长的间隔或更短的期间。", $"That period has more than {Buckets.MaxBuckets} {interval} buckets; choose a longer interval or a shorter period."));
                var selected = Selections.OfObject(c).Where(f => f.Name.StringValue == "buckets")
                    .SelectMany(f => Selections.Fields(f.SelectionSet, c.Document)).Select(f => f.Name.StringValue);
                var rows = await ComputeAsync(c, buckets, StatisticsBucketType.FamiliesFor(selected));
                if (c.GetArgument("asPublished", false))
                {
                    rows = await Periods.PublishedFigures.ApplyAsync(c, rows);
                }
                return new StatisticsResult(from, to, interval, office.Zone.Id, c.QueryContext().Now, rows);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StockGroupType>>>>("stockAt")
            .Description("存量 at an instant (now when omitted; an instant after now gives stock now), optionally grouped.")
            .Argument<DateTimeScalar>("at", "The instant to count at (now when omitted).")
            .Argument<ListGraphType<NonNullGraphType<EnumType<StatisticsDimension>>>>("groupBy", $"Up to {StatisticsGroups.MaxDimensions} dimensions.")
            .Argument<FilterInputType<Case>>("where", "Only cases that match.")
            .ResolveAsync(async c =>
            {
                var at = c.GetArgument<DateTime?>("at") ?? c.QueryContext().Now;
                var rows = await ComputeAsync(c, [new Bucket(0, at.AddTicks(-1), at, "")], FigureFamilies.Stock);
                var instant = at < c.QueryContext().Now ? at : c.QueryContext().Now;
                return rows.Select(r => new StockGroup(instant, r.Group, r.Counts.Stock)).ToList();
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<KeyCaseClassType>>>>("keyCases")
            .Description("五类 key cases: how many cases are in each class at an instant (now when omitted), from the petitions received by then. List them with `cases(where: { keyClass: { eq: N } })`.")
            .Argument<DateTimeScalar>("at", "The instant to classify at (now when omitted).")
            .Argument<DateTimeScalar>("since", "Count petitions received from this baseline date only (all petitions when omitted).")
            .Argument<FilterInputType<Case>>("where", "Only cases that match.")
            .ResolveAsync(async c =>
            {
                var now = c.QueryContext().Now;
                var at = c.GetArgument<DateTime?>("at") is { } asked && asked < now ? asked : now;
                await using var db = c.RequestServices!.GetRequiredService<AnalyticsDatabase>().CreateDbContext();
                return await KeyCaseCounts.CountAsync(db, CaseFilter(c), c.QueryContext().KeyClasses, at,
                    c.GetArgument<DateTime?>("since"), c.CancellationToken);
            });
    }

    private static async Task<IReadOnlyList<StatisticsRow>> ComputeAsync(IResolveFieldContext c, IReadOnlyList<Bucket> buckets, FigureFamilies families)
    {
        var groupBy = (c.GetArgument<List<StatisticsDimension>?>("groupBy") ?? []).Distinct().ToList();
        if (groupBy.Count > StatisticsGroups.MaxDimensions)
        {
            throw new QueryError(ErrorCodes.InvalidArgument, new Msg($"一次最多按 {StatisticsGroups.MaxDimensions} 个维度分组。", $"Group by at most {StatisticsGroups.MaxDimensions} dimensions at once."));
        }
        var analytics = c.RequestServices!.GetRequiredService<AnalyticsDatabase>();
        await using var db = analytics.CreateDbContext();
        var request = new StatisticsRequest(buckets, groupBy, CaseFilter(c), c.QueryContext().Now, families);
        return await new StatisticsEngine(db, analytics.CreateDbContext).ComputeAsync(request, c.CancellationToken);
    }

    private static Expression<Func<Case, bool>> CaseFilter(IResolveFieldContext c) =>
        ExpressionTools.And(c.Scope().Cases, FilterBuilder.Build<Case>(c.Arguments is { } args && args.TryGetValue("where", out var where) ? where.Value as IDictionary<string, object?> : null, c.QueryContext()));
}
