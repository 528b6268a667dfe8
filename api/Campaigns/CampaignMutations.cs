using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.Mutations;
using PetitionGraph.Api.GraphQL.Relay;
using PetitionGraph.Api.GraphQL.Scalars;
using PetitionGraph.Api.Language;

namespace PetitionGraph.Api.Campaigns;

public sealed record CampaignPhaseInput(CampaignPhaseKind Kind, DateTime From, DateTime To);

public sealed class CampaignPhaseInputType : InputObjectGraphType<CampaignPhaseInput>
{
    public CampaignPhaseInputType()
    {
        Name = "CampaignPhaseInput";
        Description = "阶段: one phase of a campaign.";
        Field(x => x.Kind, type: typeof(NonNullGraphType<EnumType<CampaignPhaseKind>>)).Description("Which phase.");
        Field(x => x.From, type: typeof(NonNullGraphType<DateTimeScalar>)).Description("First instant (inclusive).");
        Field(x => x.To, type: typeof(NonNullGraphType<DateTimeScalar>)).Description("Exclusive; after from.");
    }
}

public sealed record CampaignTargetInput(CampaignFigure Figure, TargetComparison Comparison, double Value);

public sealed class CampaignTargetInputType : InputObjectGraphType<CampaignTargetInput>
{
    public CampaignTargetInputType()
    {
        Name = "CampaignTargetInput";
        Description = "目标: one target of a campaign.";
        Field(x => x.Figure, type: typeof(NonNullGraphType<EnumType<CampaignFigure>>)).Description("The figure to measure.");
        Field(x => x.Comparison, type: typeof(NonNullGraphType<EnumType<TargetComparison>>)).Description("How the figure is compared with value.");
        Field(x => x.Value, type: typeof(NonNullGraphType<FloatGraphType>)).Description("Percent (0–100) for REDUCE_BY_PERCENT; a rate as a fraction (0–1); a count ≥ 0.");
    }
}

public sealed record CampaignHeadInput(string LeaderId, string Duty);

public sealed class CampaignHeadInputType : InputObjectGraphType<CampaignHeadInput>
{
    public CampaignHeadInputType()
    {
        Name = "CampaignHeadInput";
        Description = "牵头领导: a leader at the campaign's head.";
        Field(x => x.LeaderId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The leader (global id).");
        Field(x => x.Duty, type: typeof(NonNullGraphType<StringGraphType>)).Description("Their duty in the plan, e.g. 组长, 副组长 (at most 32 characters).");
    }
}

/// <summary>What a campaign is made of, as created or as replaced by an update.</summary>
public interface ICampaignDefinition
{
    string Name { get; }
    DateTime BaselineAt { get; }
    IReadOnlyList<CampaignPhaseInput> Phases { get; }
    IReadOnlyList<CampaignTargetInput> Targets { get; }
    IReadOnlyList<CampaignHeadInput>? Heads { get; }
}

public sealed record CreateCampaignInput(
    string Name, DateTime BaselineAt, IReadOnlyList<CampaignPhaseInput> Phases, IReadOnlyList<CampaignTargetInput> Targets, IReadOnlyList<CampaignHeadInput>? Heads)
    : ICampaignDefinition, IMutationInput<CreateCampaignInput>
{
    public static void Declare(InputObjectGraphType<CreateCampaignInput> type) => CampaignFields.Declare(type);
}

public sealed record UpdateCampaignInput(
    string CampaignId, int? ExpectedVersion, string Name, DateTime BaselineAt, IReadOnlyList<CampaignPhaseInput> Phases, IReadOnlyList<CampaignTargetInput> Targets,
    IReadOnlyList<CampaignHeadInput>? Heads)
    : ICampaignDefinition, IMutationInput<UpdateCampaignInput>
{
    public static void Declare(InputObjectGraphType<UpdateCampaignInput> type)
    {
        type.Field(x => x.CampaignId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The campaign to change.");
        type.Field(x => x.ExpectedVersion, type: typeof(IntGraphType)).Description("The version as you read it; refused with CONFLICT if it changed since.");
        CampaignFields.Declare(type);
    }
}

public static class CampaignFields
{
    public static void Declare<T>(InputObjectGraphType<T> type) where T : ICampaignDefinition
    {
        type.Field(x => x.Name, type: typeof(NonNullGraphType<StringGraphType>)).Description("The campaign's name, e.g. 积案化解攻坚行动.");
        type.Field(x => x.BaselineAt, type: typeof(NonNullGraphType<DateTimeScalar>)).Description("基准日: targets are measured against the figures at this instant.");
        type.Field(x => x.Phases, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<CampaignPhaseInputType>>>))
            .Description("排查, 施策, 攻坚, 巩固 with their dates; they may overlap, as a plan's calendar often has them.");
        type.Field(x => x.Targets, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<CampaignTargetInputType>>>))
            .Description("目标: what the campaign must achieve, each measured against the baseline (or the district's figure). Targets an update changes are kept in targetHistory.");
        type.Field(x => x.Heads, type: typeof(ListGraphType<NonNullGraphType<CampaignHeadInputType>>))
            .Description("牵头领导: the leaders at its head, in order; replaces the list. Omitted: none (create) or unchanged (update).");
    }
}

public static class CampaignMutations
{
    private const int MaxHeads = 20;

    public static void AddCampaignMutations(this ObjectGraphType mutation)
    {
        mutation.AddReferenceMutation<CampaignType, CreateCampaignInput>("createCampaign", "Start a campaign: baseline, phases, targets and the leaders at its head.", "campaign",
            async (i, db, c) =>
            {
                var campaign = new Campaign { Name = "" };
                if (await ApplyAsync(db, campaign, i, Who(c), c.QueryContext().Now) is { } invalid)
                {
                    return (null, invalid);
                }
                campaign.CreatedAt = campaign.UpdatedAt = c.QueryContext().Now;
                db.Campaigns.Add(campaign);
                return (campaign, null);
            });
        mutation.AddReferenceMutation<CampaignType, UpdateCampaignInput>("updateCampaign",
            "Change a campaign: its name, baseline, phases and targets are replaced as given (changed targets go to its targetHistory), its heads when given.", "campaign",
            async (i, db, c) =>
            {
                var id = i.CampaignId;
                var campaign = await LoadAsync(db, id);
                if (campaign is null)
                {
                    return (null, UserError.NotFound("campaignId", new Msg($"没有编号为 {id} 的专项行动。", $"There is no campaign {id}.")));
                }
                if (i.ExpectedVersion is { } expected && expected != campaign.Version)
                {
                    return (null, UserError.Conflict(new Msg(
                        $"专项行动“{campaign.Name}”已被修改（当前版本 {campaign.Version}，你所依据的版本为 {expected}）；请重新读取后再试。",
                        $"Campaign {campaign.Name} has changed (version {campaign.Version}, you expected {expected}); read it again and retry.")));
                }
                if (await ApplyAsync(db, campaign, i, Who(c), c.QueryContext().Now) is { } invalid)
                {
                    return (null, invalid);
                }
                campaign.UpdatedAt = c.QueryContext().Now;
                campaign.Version++;
                return (campaign, null);
            });
        mutation.AddCampaignCaseMutations();
        mutation.AddDistrictFigureMutations();
    }

    /// <summary>A campaign with its parts, tracked for a change; null when the id is not a campaign's.</summary>
    internal static async Task<Campaign?> LoadAsync(PetitionDbContext db, string id) =>
        GlobalId.TryDecode(id, out var type, out var key) && type == "Campaign"
            ? await db.Campaigns.AsTracking().Include(k => k.Phases).Include(k => k.Targets).Include(k => k.Heads).Include(k => k.TargetHistory)
                .AsSplitQuery().FirstOrDefaultAsync(k => k.Id == key)
            : null;

    internal static string Who(IResolveFieldContext context) => context.Scope().Caller?.Name ?? "system";

    /// <summary>Validates the whole input first, then replaces the campaign's fields, phases, targets and (when given) heads.</summary>
    private static async Task<UserError?> ApplyAsync(PetitionDbContext db, Campaign campaign, ICampaignDefinition i, string who, DateTime now)
    {
        if (Validate.Text("name", i.Name, 200) is { } invalid)
        {
            return invalid;
        }
        var phases = i.Phases.Select(p => new CampaignPhase { Kind = p.Kind, From = p.From, To = p.To }).ToList();
        if (phases.FirstOrDefault(p => p.To <= p.From) is { } backwards)
        {
            return UserError.Validation("phases", new Msg($"阶段 {backwards.Kind} 的结束时间早于开始时间。", $"Phase {backwards.Kind} ends before it starts."));
        }
        // Phases may overlap: a plan's 排查 (02-01→04-30) and 施策 (03-01→04-30) run together on purpose.
        if (i.Targets.FirstOrDefault(t => !Sensible(t)) is { } odd)
        {
            return UserError.Validation("targets", new Msg(
                $"目标 {odd.Figure} {odd.Comparison} {odd.Value} 超出范围：百分比为 0–100，比率为 0–1（与全区数据的差值为 −1–1），数量 ≥ 0。",
                $"Target {odd.Figure} {odd.Comparison} {odd.Value} is out of range: percent 0–100, rates 0–1 (a margin over the district −1–1), counts ≥ 0."));
        }
        (List<CampaignHead>? Heads, UserError? Error)? heads = i.Heads is null ? null : await HeadsAsync(db, i.Heads);
        if (heads?.Error is { } refused)
        {
            return refused;
        }
        campaign.Name = i.Name.Trim();
        campaign.BaselineAt = i.BaselineAt;
        campaign.Phases.Clear();
        campaign.Phases.AddRange(phases);
        ReplaceTargets(campaign, i.Targets, who, now);
        if (heads?.Heads is { } named)
        {
            campaign.Heads.Clear();
            campaign.Heads.AddRange(named);
        }
        return null;
    }

    /// <summary>
    /// A target kept as it was keeps who set it and when; one that is gone or changed moves to the history with who
    /// replaced it and when; a new one is set now by the caller.
    /// </summary>
    private static void ReplaceTargets(Campaign campaign, IReadOnlyList<CampaignTargetInput> targets, string who, DateTime now)
    {
        var kept = new List<CampaignTarget>();
        var old = campaign.Targets.ToList();
        foreach (var t in targets)
        {
            var same = old.FirstOrDefault(o => o.Figure == t.Figure && o.Comparison == t.Comparison && o.Value.Equals(t.Value));
            if (same is not null)
            {
                old.Remove(same);
            }
            kept.Add(new CampaignTarget { Figure = t.Figure, Comparison = t.Comparison, Value = t.Value, SetAt = same?.SetAt ?? now, SetBy = same is null ? who : same.SetBy });
        }
        campaign.TargetHistory.AddRange(old.Select(o => new CampaignTargetRevision
        {
            Figure = o.Figure,
            Comparison = o.Comparison,
            Value = o.Value,
            SetAt = o.SetAt,
            SetBy = o.SetBy,
            ReplacedAt = now,
            ReplacedBy = who,
        }));
        campaign.Targets.Clear();
        campaign.Targets.AddRange(kept);
    }

    private static async Task<(List<CampaignHead>? Heads, UserError? Error)> HeadsAsync(PetitionDbContext db, IReadOnlyList<CampaignHeadInput> heads)
    {
        if (heads.Count > MaxHeads)
        {
            return (null, UserError.Validation("heads", new Msg($"牵头领导最多 {MaxHeads} 名。", $"At most {MaxHeads} heads.")));
        }
        var named = new List<CampaignHead>();
        foreach (var (head, position) in heads.Select((h, k) => (h, k)))
        {
            if (Validate.Text("duty", head.Duty, 32) is { } invalid)
            {
                return (null, invalid with { Field = ["input", "heads", position.ToString(System.Globalization.CultureInfo.InvariantCulture), "duty"] });
            }
            var leader = GlobalId.TryDecode(head.LeaderId, out var type, out var id) && type == "Leader"
                ? await db.Leaders.FirstOrDefaultAsync(l => l.Id == id)
                : null;
            if (leader is null || !leader.Active)
            {
                return (null, UserError.NotFound("heads", new Msg($"没有编号为 {head.LeaderId} 的在任领导。", $"There is no active leader {head.LeaderId}.")));
            }
            if (named.Any(n => n.LeaderId == leader.Id))
            {
                return (null, UserError.Validation("heads", new Msg($"{leader.Name} 被重复列入牵头领导。", $"{leader.Name} is named twice.")));
            }
            named.Add(new CampaignHead { LeaderId = leader.Id, Duty = head.Duty.Trim(), Position = position });
        }
        return (named, null);
    }

    private static bool Sensible(CampaignTargetInput t) => t.Comparison switch
    {
        TargetComparison.ReduceByPercent => t.Value is >= 0 and <= 100,
        TargetComparison.AboveDistrict or TargetComparison.BelowDistrict => CampaignProgressCalculator.IsCount(t.Figure) ? double.IsFinite(t.Value) : t.Value is >= -1 and <= 1,
        _ when !CampaignProgressCalculator.IsCount(t.Figure) => t.Value is >= 0 and <= 1,
        _ => t.Value >= 0 && double.IsFinite(t.Value),
    };
}

public static class CampaignQueries
{
    public static void AddCampaignQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CampaignType>>>>("campaigns")
            .Description("Every campaign, latest baseline first.")
            .ResolveAsync(async c => await c.Db().Campaigns.Include(k => k.Phases).Include(k => k.Targets).Include(k => k.Heads).Include(k => k.TargetHistory).AsSplitQuery()
                .OrderByDescending(k => k.BaselineAt).ThenByDescending(k => k.Id).ToListAsync(c.CancellationToken));
    }
}
