using GraphQL.Types;
using PetitionGraph.Api.GraphQL.Scalars;

namespace PetitionGraph.Api.Statistics;

/// <summary>The result of <c>statistics</c>: the buckets asked for, each once per group.</summary>
public sealed record StatisticsResult(DateTime From, DateTime To, StatisticsInterval Interval, string TimeZone, DateTime AsOf, IReadOnlyList<StatisticsRow> Rows);

public sealed class StatisticsType : ObjectGraphType<StatisticsResult>
{
    public StatisticsType()
    {
        Name = "Statistics";
        Description = "Figures of DESIGN §6 per bucket and group, from the event history as it stood at each instant.";
        Field(s => s.From, type: typeof(NonNullGraphType<DateTimeScalar>)).Description("Start of the period asked for (inclusive).");
        Field(s => s.To, type: typeof(NonNullGraphType<DateTimeScalar>)).Description("End of the period asked for (exclusive).");
        Field(s => s.Interval, type: typeof(NonNullGraphType<EnumType<StatisticsInterval>>)).Description("The length of each bucket.");
        Field(s => s.TimeZone).Description("The office time zone whose calendar the buckets follow.");
        Field(s => s.AsOf, type: typeof(NonNullGraphType<DateTimeScalar>))
            .Description("Now: facts after this instant have not happened yet; a running bucket's stock is taken here.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StatisticsBucketType>>>>("buckets")
            .Description("Bucket by bucket; within a bucket, one entry per combination of the grouped dimensions (empty groups included).")
            .Resolve(c => c.Source.Rows);
    }
}

public sealed class StatisticsBucketType : ObjectGraphType<StatisticsRow>
{
    public StatisticsBucketType()
    {
        Name = "StatisticsBucket";
        Description = "One bucket (a day, week, month, quarter or year in office time) of one group, with every figure of DESIGN §6.";
        Field<NonNullGraphType<DateTimeScalar>>("start").Description("Start of the bucket (inclusive).").Resolve(c => c.Source.Bucket.Start);
        Field<NonNullGraphType<DateTimeScalar>>("end").Description("Exclusive.").Resolve(c => c.Source.Bucket.End);
        Field<NonNullGraphType<StringGraphType>>("label").Description("2021-05-03, 2021-W18, 2021-05, 2021-Q2 or 2021, in office time.")
            .Resolve(c => c.Source.Bucket.Label);
        this.GroupFields(r => r.Group);
        Field<NonNullGraphType<BooleanGraphType>>("published")
            .Description("True: the figures as published when this bucket's period closed (asPublished); false: as the records stand now (restated).")
            .Resolve(c => c.Source.Published);

        Count("stock", "存量: cases in backlog at the bucket's end (or now, if that comes first).", f => f.Stock);
        Count("increment", "增量: cases whose first petition was received in the bucket (初信初访).", f => f.Increment);
        Count("backlogIncrement", "新增积案: cases that entered the backlog for the first time in the bucket.", f => f.BacklogIncrement);
        Count("resolved", "化解: backlog cases resolved in the bucket.", f => f.Resolved);
        Count("petitions", "信访量: petitions received in the bucket.", f => f.Petitions);
        Count("highLevelPetitions", "越级访: petitions registered at PROVINCE or NATIONAL level in the bucket.", f => f.HighLevelPetitions);
        Rate("repeatPetitionRate", "重复信访率: repeat petitions ÷ all petitions.", f => new Rate(f.RepeatPetitions, f.Petitions));
        Rate("onTimeAcceptanceRate", "及时受理率: decisions made within the notice limit ÷ decisions that fell due.",
            f => new Rate(f.AcceptedOnTime, f.AcceptanceDue));
        Rate("onTimeConclusionRate", "按期办结率: concluded within the (extended) limit ÷ conclusions that fell due.",
            f => new Rate(f.ConcludedOnTime, f.ConclusionDue));
        Rate("evaluationRate", "参评率: evaluated ÷ (evaluated + evaluation windows that closed unevaluated).",
            f => new Rate(f.Evaluated, f.Evaluated + f.EvaluationExpired));
        Rate("satisfactionRate", "满意率: satisfied or basically satisfied ÷ evaluated.", f => new Rate(f.Satisfied, f.Evaluated));
    }

    private void Count(string name, string description, Func<FigureCounts, int> figure) =>
        Field<NonNullGraphType<IntGraphType>>(name).Description(description).Resolve(c => figure(c.Source.Counts));

    private void Rate(string name, string description, Func<FigureCounts, Rate> figure) =>
        Field<NonNullGraphType<RateType>>(name).Description(description).Resolve(c => figure(c.Source.Counts));

    /// <summary>The statements a selection needs: a query for stock alone runs one.</summary>
    public static FigureFamilies FamiliesFor(IEnumerable<string> fields)
    {
        var families = FigureFamilies.None;
        foreach (var field in fields)
        {
            families |= field switch
            {
                "stock" => FigureFamilies.Stock,
                "increment" or "petitions" or "highLevelPetitions" or "repeatPetitionRate" => FigureFamilies.Petitions,
                "backlogIncrement" => FigureFamilies.BacklogEntries,
                "resolved" => FigureFamilies.Resolutions,
                "onTimeAcceptanceRate" => FigureFamilies.Notices,
                "onTimeConclusionRate" => FigureFamilies.Conclusions,
                "evaluationRate" => FigureFamilies.Evaluations | FigureFamilies.ExpiredEvaluations,
                "satisfactionRate" => FigureFamilies.Evaluations,
                _ => FigureFamilies.None,
            };
        }
        return families;
    }
}
