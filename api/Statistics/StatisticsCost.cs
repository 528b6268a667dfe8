using GraphQL.Validation.Complexity;

namespace PetitionGraph.Api.Statistics;

/// <summary>
/// What a <c>statistics</c> field costs in the complexity budget (Limits:MaxComplexity, 100,000 by default): each
/// bucket is a slice of the SQL's work, and each grouping multiplies the rows. Twelve months cost 120; a year of days
/// grouped by village 18,250; 999 day buckets grouped by two dimensions 89,910 — and a hundred aliases of 999 days,
/// which took the server 5–7 s each time they were sent, are refused before they run.
/// </summary>
public static class StatisticsCost
{
    public const double PerBucket = 10;
    public const double PerGroupDimension = 4;

    public static FieldComplexityResult Of(FieldImpactContext context)
    {
        // Read straight from the parsed arguments: FieldImpactContext.GetArgument throws for an argument left out, and
        // the analyzer hands lists over as object[], not as the argument's CLR type.
        var buckets = Buckets.MaxBuckets;
        if (Argument(context, "from") is DateTime from && Argument(context, "to") is DateTime to && to > from)
        {
            var days = (Argument(context, "interval") as StatisticsInterval? ?? StatisticsInterval.Month) switch
            {
                StatisticsInterval.Day => 1.0,
                StatisticsInterval.Week => 7,
                StatisticsInterval.Month => 28,
                StatisticsInterval.Quarter => 90,
                _ => 365,
            };
            buckets = (int)Math.Min(Buckets.MaxBuckets, Math.Ceiling((to - from).TotalDays / days) + 1);
        }
        var dimensions = Math.Min(StatisticsGroups.MaxDimensions, (Argument(context, "groupBy") as System.Collections.IEnumerable)?.Cast<object?>().Distinct().Count() ?? 0);
        return new FieldComplexityResult(PerBucket * buckets * (1 + (PerGroupDimension * dimensions)), 1);
    }

    private static object? Argument(FieldImpactContext context, string name) =>
        context.Arguments?.TryGetValue(name, out var value) == true ? value.Value : null;
}
