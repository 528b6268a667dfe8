using GraphQL;
using GraphQL.Types;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.Relay;
using PetitionGraph.Api.GraphQL.Scalars;

namespace PetitionGraph.Api.Campaigns;

public sealed class CampaignType : ObjectGraphType<Campaign>
{
    public CampaignType()
    {
        Name = "Campaign";
        Description = "专项行动: a campaign against the backlog with phases and targets measured against its baseline.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id (fetch with node(id:)).").Resolve(c => GlobalId.Encode("Campaign", c.Source.Id));
        Field(c => c.Name).Description("The campaign's name, e.g. 积案化解攻坚行动.");
        Field(c => c.BaselineAt, type: typeof(NonNullGraphType<DateTimeScalar>)).Description("基准日: the instant targets are measured against.");
        Field(c => c.Version).Description("Bumped by every change; pass it as expectedVersion to updateCampaign.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CampaignPhaseType>>>>("phases").Description("阶段: the phases in order.").Resolve(c => c.Source.Phases.OrderBy(p => p.From).ToList());
        Field<CampaignPhaseType>("currentPhase").Description("The phase now under way, if any; when phases overlap, the one that started last.")
            .Resolve(c => c.Source.Phases.Where(p => p.From <= c.QueryContext().Now && c.QueryContext().Now < p.To).OrderByDescending(p => p.From).FirstOrDefault());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CampaignPhaseType>>>>("currentPhases")
            .Description("Every phase now under way, in order (phases may overlap).")
            .Resolve(c => c.Source.Phases.Where(p => p.From <= c.QueryContext().Now && c.QueryContext().Now < p.To).OrderBy(p => p.From).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CampaignTargetType>>>>("targets").Description("目标: what the campaign must achieve.").Resolve(c => c.Source.Targets.OrderBy(t => t.Id).ToList());
        this.AddListFields();
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TargetProgressType>>>>("progress")
            .Description("Each target: the figure at the baseline, now (or at `at`), the value to reach and whether it is reached.")
            .Argument<DateTimeScalar>("at", "Measure at this instant instead of now.")
            .ResolveAsync(async c =>
            {
                var now = c.QueryContext().Now;
                var at = c.GetArgument<DateTime?>("at") is { } asked && asked < now ? asked : now;
                await using var db = c.RequestServices!.GetRequiredService<AnalyticsDatabase>().CreateDbContext();
                return await CampaignProgressCalculator.MeasureAsync(db, c.Source, c.Scope().Cases, at, now, c.CancellationToken);
            });
    }
}

public sealed class CampaignPhaseType : ObjectGraphType<CampaignPhase>
{
    public CampaignPhaseType()
    {
        Name = "CampaignPhase";
        Description = "阶段: one phase of a campaign (排查, 化解, 巩固 …).";
        Field(p => p.Kind, type: typeof(NonNullGraphType<EnumType<CampaignPhaseKind>>)).Description("Which phase.");
        Field(p => p.From, type: typeof(NonNullGraphType<DateTimeScalar>)).Description("First instant of the phase (inclusive).");
        Field(p => p.To, type: typeof(NonNullGraphType<DateTimeScalar>)).Description("Exclusive.");
    }
}

public sealed class CampaignTargetType : ObjectGraphType<CampaignTarget>
{
    public CampaignTargetType()
    {
        Name = "CampaignTarget";
        Description = "目标: one target of a campaign, e.g. stock reduced by 80 %.";
        Field(t => t.Figure, type: typeof(NonNullGraphType<EnumType<CampaignFigure>>)).Description("The figure measured.");
        Field(t => t.Comparison, type: typeof(NonNullGraphType<EnumType<TargetComparison>>)).Description("How the figure is compared with value.");
        Field(t => t.Value).Description("Percent for REDUCE_BY_PERCENT; the margin over (or under) the district's figure for ABOVE_DISTRICT / BELOW_DISTRICT; a count, or a rate as a fraction (1 = 100 %), otherwise.");
        Field(t => t.SetAt, type: typeof(DateTimeScalar)).Description("When it was set; null when set before targets had a history.");
        Field(t => t.SetBy, nullable: true).Description("Who set it (the account's name).");
    }
}

public sealed class TargetProgressType : ObjectGraphType<TargetProgress>
{
    public TargetProgressType()
    {
        Name = "CampaignTargetProgress";
        Description = "进度: where one target stands.";
        Field<NonNullGraphType<CampaignTargetType>>("target").Description("The target measured.").Resolve(c => c.Source.Target);
        Field(p => p.Baseline, nullable: true).Description("At the baseline (stock) or over the equally long period before it; null when nothing was counted.");
        Field(p => p.Current, nullable: true).Description("Now (stock) or since the baseline; a rate is null when nothing fell due.");
        Field(p => p.Goal, nullable: true).Description("The value to reach; for REDUCE_BY_PERCENT, computed from the baseline; for a target relative to the district, the district's figure plus (or minus) the margin, to be exceeded (or undercut).");
        Field<DistrictFigureType>("district").Description("The district figure a relative target was measured against: the latest period ending by the instant measured, its latest entry; null when none was entered.")
            .Resolve(c => c.Source.District);
        Field(p => p.Met).Description("Reached now. A rate with nothing due counts as met: nothing was missed.");
    }
}
