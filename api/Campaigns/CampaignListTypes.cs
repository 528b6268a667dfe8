using System.Linq.Expressions;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.DataLoading;
using PetitionGraph.Api.GraphQL.Filtering;
using PetitionGraph.Api.GraphQL.Projection;
using PetitionGraph.Api.GraphQL.Scalars;
using PetitionGraph.Api.Leaders;

namespace PetitionGraph.Api.Campaigns;

public sealed class CampaignHeadType : ObjectGraphType<CampaignHead>
{
    public CampaignHeadType()
    {
        Name = "CampaignHead";
        Description = "牵头领导: a leader at a campaign's head and their duty.";
        Field<NonNullGraphType<LeaderType>>("leader").Description("The leader.").Reads(nameof(CampaignHead.LeaderId)).Resolve(c => c.LoadById<Leader>(c.Source.LeaderId));
        Field(h => h.Duty).Description("Their duty in the plan, e.g. 组长.");
    }
}

public sealed class CampaignTargetRevisionType : ObjectGraphType<CampaignTargetRevision>
{
    public CampaignTargetRevisionType()
    {
        Name = "CampaignTargetRevision";
        Description = "A target an update replaced: what it was, who set it and when, who replaced it and when.";
        Field(t => t.Figure, type: typeof(NonNullGraphType<EnumType<CampaignFigure>>)).Description("The figure measured.");
        Field(t => t.Comparison, type: typeof(NonNullGraphType<EnumType<TargetComparison>>)).Description("How the figure was compared with value.");
        Field(t => t.Value).Description("The value it asked for.");
        Field(t => t.SetAt, type: typeof(DateTimeScalar)).Description("When it was set; null when set before targets had a history.");
        Field(t => t.SetBy, nullable: true).Description("Who set it (the account's name).");
        Field(t => t.ReplacedAt, type: typeof(NonNullGraphType<DateTimeScalar>)).Description("When an update replaced it.");
        Field(t => t.ReplacedBy).Description("Who replaced it.");
    }
}

public sealed class DistrictFigureType : ObjectGraphType<DistrictFigure>
{
    public DistrictFigureType()
    {
        Name = "DistrictFigure";
        Description = "全区数据: a figure of the whole district for a period, as the office entered it.";
        Field(f => f.Figure, type: typeof(NonNullGraphType<EnumType<CampaignFigure>>)).Description("Which figure.");
        Field(f => f.PeriodFrom, type: typeof(NonNullGraphType<DateTimeScalar>)).Description("First instant of the period measured.");
        Field(f => f.PeriodTo, type: typeof(NonNullGraphType<DateTimeScalar>)).Description("Exclusive end of the period.");
        Field(f => f.Value).Description("A rate as a fraction, a count as it is.");
        Field(f => f.Source).Description("Where it comes from.");
        Field(f => f.EnteredAt, type: typeof(NonNullGraphType<DateTimeScalar>)).Description("When the office entered it.");
        Field(f => f.EnteredBy).Description("Who entered it.");
    }
}

/// <summary>Where a campaign's case list stands, counted over the cases the caller may see.</summary>
public sealed record CampaignCaseList(int Total, int Resolved, int InBacklog, int Overdue);

public sealed class CampaignCaseListType : ObjectGraphType<CampaignCaseList>
{
    public CampaignCaseListType()
    {
        Name = "CampaignCaseList";
        Description = "台账进度: the campaign's case list now, over the cases you may see. List them with cases(where: { campaigns: { some: { id: { eq: … } } } }).";
        Field(l => l.Total).Description("Cases on the list.");
        Field(l => l.Resolved).Description("化解: of them, resolved.");
        Field(l => l.InBacklog).Description("Of them, in the backlog now.");
        Field(l => l.Overdue).Description("Of them, with a step overdue now.");
        Field<FloatGraphType>("resolvedRate").Description("化解率: resolved ÷ total; null for an empty list.")
            .Resolve(c => c.Source.Total == 0 ? null : Math.Round((double)c.Source.Resolved / c.Source.Total, 6));
    }
}

public sealed class CampaignShape : QueryShape<Campaign>
{
    public CampaignShape() : base("Campaign")
    {
        GlobalId(c => c.Id);
        String("name", c => c.Name);
        DateTime("baselineAt", c => c.BaselineAt);
    }
}

public static class CampaignListFields
{
    public static void AddListFields(this ObjectGraphType<Campaign> type)
    {
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CampaignHeadType>>>>("heads").Description("牵头领导: the leaders at its head, in order.")
            .Resolve(c => c.Source.Heads.OrderBy(h => h.Position).ToList());
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CampaignTargetRevisionType>>>>("targetHistory")
            .Description("Targets updates replaced, the latest replaced first: who set each and who replaced it, and when.")
            .Resolve(c => c.Source.TargetHistory.OrderByDescending(t => t.ReplacedAt).ThenByDescending(t => t.Id).ToList());
        type.Field<NonNullGraphType<CampaignCaseListType>>("caseList")
            .Description("Its case list now (the cases it targets), counted over the cases you may see: a case that accuses you is not counted for you.")
            .Resolve(c =>
            {
                var factory = c.DbFactory();
                var scope = c.Scope().Cases;
                var query = c.QueryContext();
                return c.Loaders().GetOrAdd<int, CampaignCaseList>("Campaign.caseList", async (ids, ct) =>
                {
                    var keys = ids.ToArray();
                    await using var db = await factory.CreateDbContextAsync(ct);
                    // One grouped statement per count, whatever the number of campaigns asked about.
                    async Task<Dictionary<int, int>> Count(Expression<Func<Case, bool>> which) =>
                        await db.CampaignCases.Where(k => keys.Contains(k.CampaignId))
                            .Join(db.Cases.Where(scope).Where(which), k => k.CaseId, k => k.Id, (k, _) => k.CampaignId)
                            .GroupBy(id => id).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
                    var total = await Count(_ => true);
                    var resolved = await Count(k => k.Status == CaseStatus.Resolved);
                    var backlog = await Count(CaseRules.Now(CaseRules.InBacklog, query));
                    var overdue = await Count(CaseRules.Now(CaseRules.Overdue, query));
                    return keys.ToDictionary(k => k, k => new CampaignCaseList(total.GetValueOrDefault(k), resolved.GetValueOrDefault(k), backlog.GetValueOrDefault(k), overdue.GetValueOrDefault(k)));
                }, missing: new CampaignCaseList(0, 0, 0, 0)).Load(c.Source.Id);
            });
    }
}

public static class DistrictFigureQueries
{
    public static void AddDistrictFigureQueries(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<DistrictFigureType>>>>("districtFigures")
            .Description("全区数据 the office entered, the latest period first (for a period entered twice, the latest entry first).")
            .Argument<EnumType<CampaignFigure>>("figure", "Only this figure.")
            .ResolveAsync(async c =>
            {
                var figures = c.Db().DistrictFigures.AsQueryable();
                if (c.GetArgument<CampaignFigure?>("figure") is { } figure)
                {
                    figures = figures.Where(f => f.Figure == figure);
                }
                return await figures.OrderByDescending(f => f.PeriodTo).ThenByDescending(f => f.Id).Take(500).ToListAsync(c.CancellationToken);
            });
}
