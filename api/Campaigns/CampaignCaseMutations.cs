using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.Filtering;
using PetitionGraph.Api.GraphQL.Mutations;
using PetitionGraph.Api.GraphQL.Relay;
using PetitionGraph.Api.GraphQL.Scalars;
using PetitionGraph.Api.Language;
using static PetitionGraph.Api.GraphQL.ReferenceMutations;

namespace PetitionGraph.Api.Campaigns;

public sealed record CampaignCasesInput(string CampaignId, IReadOnlyList<string>? CaseIds, IDictionary<string, object?>? Where) : IMutationInput<CampaignCasesInput>
{
    public static void Declare(InputObjectGraphType<CampaignCasesInput> type)
    {
        type.Field(x => x.CampaignId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The campaign.");
        type.Field(x => x.CaseIds, type: typeof(ListGraphType<NonNullGraphType<IdGraphType>>)).Description("These cases (global ids).");
        type.Field(x => x.Where, type: typeof(FilterInputType<Case>))
            .Description("Every case that matches, by the cases query's filter — e.g. the cases imported from the 汇总表 (addCasesToCampaign only).");
    }
}

public sealed record DistrictFigureInput(CampaignFigure Figure, DateTime PeriodFrom, DateTime PeriodTo, double Value, string Source) : IMutationInput<DistrictFigureInput>
{
    public static void Declare(InputObjectGraphType<DistrictFigureInput> type)
    {
        type.Field(x => x.Figure, type: typeof(NonNullGraphType<EnumType<CampaignFigure>>)).Description("Which figure the district published.");
        type.Field(x => x.PeriodFrom, type: typeof(NonNullGraphType<DateTimeScalar>)).Description("First instant of the period it measures.");
        type.Field(x => x.PeriodTo, type: typeof(NonNullGraphType<DateTimeScalar>)).Description("Exclusive end of the period; after periodFrom.");
        type.Field(x => x.Value, type: typeof(NonNullGraphType<FloatGraphType>)).Description("A rate as a fraction (0.95 = 95 %), a count as it is.");
        type.Field(x => x.Source, type: typeof(NonNullGraphType<StringGraphType>)).Description("Where it comes from, e.g. 区信访局 2026年第三季度通报.");
    }
}

/// <summary>A campaign's case list (its 台账) and the district figures its relative targets are measured against.</summary>
public static class CampaignCaseMutations
{
    /// <summary>A campaign list is the cases one plan names, not a whole database: a filter that matches more is refused.</summary>
    public const int MaxCasesPerChange = 5000;

    public static void AddCampaignCaseMutations(this ObjectGraphType mutation)
    {
        mutation.AddReferenceMutation<CampaignType, CampaignCasesInput>("addCasesToCampaign",
            "Put cases on a campaign's list: by id, or every case a filter matches (within what the caller sees). A case already on it stays as it was.", "campaign",
            async (i, db, c) =>
            {
                var (campaign, cases, error) = await ResolveAsync(db, i, c, allowFilter: true);
                if (error is not null)
                {
                    return (null, error);
                }
                var listed = await db.CampaignCases.Where(k => k.CampaignId == campaign!.Id && cases!.Contains(k.CaseId)).Select(k => k.CaseId).ToListAsync(c.CancellationToken);
                var now = c.QueryContext().Now;
                var who = CampaignMutations.Who(c);
                db.CampaignCases.AddRange(cases!.Except(listed).Select(id => new CampaignCase { CampaignId = campaign!.Id, CaseId = id, AddedAt = now, AddedBy = who }));
                return (campaign, null);
            });
        mutation.AddReferenceMutation<CampaignType, CampaignCasesInput>("removeCasesFromCampaign", "Take cases off a campaign's list (by id).", "campaign",
            async (i, db, c) =>
            {
                var (campaign, cases, error) = await ResolveAsync(db, i, c, allowFilter: false);
                if (error is not null)
                {
                    return (null, error);
                }
                db.CampaignCases.RemoveRange(await db.CampaignCases.AsTracking().Where(k => k.CampaignId == campaign!.Id && cases!.Contains(k.CaseId)).ToListAsync(c.CancellationToken));
                return (campaign, null);
            });
    }

    /// <summary>The campaign and the cases meant, each visible to the caller; or why not.</summary>
    private static async Task<(Campaign?, List<int>?, UserError?)> ResolveAsync(PetitionDbContext db, CampaignCasesInput i, IResolveFieldContext c, bool allowFilter)
    {
        var campaign = await CampaignMutations.LoadAsync(db, i.CampaignId);
        if (campaign is null)
        {
            return (null, null, UserError.NotFound("campaignId", new Msg($"没有编号为 {i.CampaignId} 的专项行动。", $"There is no campaign {i.CampaignId}.")));
        }
        if (i.Where is not null && !allowFilter)
        {
            return (null, null, UserError.Validation("where", new Msg(
                "从名单中移除信访事项只能按编号（caseIds），不能按筛选条件。", "Cases are taken off a list by id (caseIds), never by a filter.")));
        }
        if (i.CaseIds is not { Count: > 0 } && i.Where is null)
        {
            return (null, null, UserError.Validation("caseIds", new Msg("请提供 caseIds 或筛选条件（where），也可两者都提供。", "Give caseIds, a filter (where), or both.")));
        }
        var visible = db.Cases.Where(c.Scope().Cases);
        var ids = new List<int>();
        foreach (var caseId in i.CaseIds ?? [])
        {
            ids.Add(GlobalId.TryDecode(caseId, out var type, out var id) && type == "Case" ? id : -1);
        }
        if (ids.Count > MaxCasesPerChange)
        {
            return (null, null, UserError.Validation("caseIds", new Msg($"每次最多 {MaxCasesPerChange} 件信访事项。", $"At most {MaxCasesPerChange} cases at once.")));
        }
        var found = await visible.Where(k => ids.Contains(k.Id)).Select(k => k.Id).ToListAsync(c.CancellationToken);
        if (ids.Except(found).Any())
        {
            // A case the caller may not see is answered like one that does not exist.
            var missing = i.CaseIds![ids.FindIndex(id => !found.Contains(id))];
            return (null, null, UserError.NotFound("caseIds", new Msg($"没有编号为 {missing} 的信访事项。", $"There is no case {missing}.")));
        }
        if (i.Where is not null)
        {
            var matched = await visible.Where(FilterBuilder.Build<Case>(i.Where, c.QueryContext())).OrderBy(k => k.Id).Select(k => k.Id)
                .Take(MaxCasesPerChange + 1).ToListAsync(c.CancellationToken);
            if (matched.Count > MaxCasesPerChange)
            {
                return (null, null, UserError.Validation("where", new Msg(
                    $"筛选条件匹配的信访事项超过 {MaxCasesPerChange} 件；专项行动的名单应是其工作方案列明的信访事项。",
                    $"The filter matches more than {MaxCasesPerChange} cases; a campaign's list is the cases its plan names.")));
            }
            found = [.. found.Union(matched)];
        }
        return (campaign, found, null);
    }

    public static void AddDistrictFigureMutations(this ObjectGraphType mutation) =>
        mutation.AddReferenceMutation<DistrictFigureType, DistrictFigureInput>("enterDistrictFigure",
            "全区数据: enter a figure the district published for a period (a correction is a new entry; the latest counts).", "districtFigure",
            (i, db, c) =>
            {
                if (i.PeriodTo <= i.PeriodFrom)
                {
                    return Task.FromResult<(object?, UserError?)>((null, UserError.Validation("periodTo", new Msg("统计期的结束时间早于开始时间。", "The period ends before it starts."))));
                }
                var rate = !CampaignProgressCalculator.IsCount(i.Figure);
                if (!double.IsFinite(i.Value) || i.Value < 0 || (rate && i.Value > 1))
                {
                    return Task.FromResult<(object?, UserError?)>((null, UserError.Validation("value", rate
                        ? new Msg("比率须为 0 至 1 之间的小数（0.95 即 95%）。", "A rate is a fraction from 0 to 1 (0.95 = 95 %).")
                        : new Msg("数量不能小于 0。", "A count is 0 or more."))));
                }
                if (Validate.Text("source", i.Source, 200) is { } invalid)
                {
                    return Task.FromResult<(object?, UserError?)>((null, invalid));
                }
                var figure = new DistrictFigure
                {
                    Figure = i.Figure,
                    PeriodFrom = i.PeriodFrom,
                    PeriodTo = i.PeriodTo,
                    Value = i.Value,
                    Source = i.Source.Trim(),
                    EnteredAt = c.QueryContext().Now,
                    EnteredBy = CampaignMutations.Who(c),
                };
                db.DistrictFigures.Add(figure);
                return Task.FromResult<(object?, UserError?)>((figure, null));
            });
}
