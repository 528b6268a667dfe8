using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.Mutations;
using PetitionGraph.Api.GraphQL.Relay;
using PetitionGraph.Api.GraphQL.Scalars;

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

/// <summary>What a campaign is made of, as created or as replaced by an update.</summary>
public interface ICampaignDefinition
{
    string Name { get; }
    DateTime BaselineAt { get; }
    IReadOnlyList<CampaignPhaseInput> Phases { get; }
    IReadOnlyList<CampaignTargetInput> Targets { get; }
}

public sealed record CreateCampaignInput(string Name, DateTime BaselineAt, IReadOnlyList<CampaignPhaseInput> Phases, IReadOnlyList<CampaignTargetInput> Targets)
    : ICampaignDefinition, IMutationInput<CreateCampaignInput>
{
    public static void Declare(InputObjectGraphType<CreateCampaignInput> type) => CampaignFields.Declare(type);
}

public sealed record UpdateCampaignInput(
    string CampaignId, int? ExpectedVersion, string Name, DateTime BaselineAt, IReadOnlyList<CampaignPhaseInput> Phases, IReadOnlyList<CampaignTargetInput> Targets)
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
        type.Field(x => x.Targets, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<CampaignTargetInputType>>>)).Description("目标: what the campaign must achieve, each measured against the baseline.");
    }
}

public static class CampaignMutations
{
    public static void AddCampaignMutations(this ObjectGraphType mutation)
    {
        mutation.AddReferenceMutation<CampaignType, CreateCampaignInput>("createCampaign", "Start a campaign: baseline, phases and targets.", "campaign",
            (i, db) =>
            {
                var campaign = new Campaign { Name = "" };
                if (Apply(campaign, i) is { } invalid)
                {
                    return Task.FromResult<(object?, UserError?)>((null, invalid));
                }
                campaign.CreatedAt = campaign.UpdatedAt = DateTime.UtcNow;
                db.Campaigns.Add(campaign);
                return Task.FromResult<(object?, UserError?)>((campaign, null));
            });
        mutation.AddReferenceMutation<CampaignType, UpdateCampaignInput>("updateCampaign", "Change a campaign: its name, baseline, phases and targets are replaced as given.", "campaign",
            async (i, db) =>
            {
                var id = i.CampaignId;
                var campaign = GlobalId.TryDecode(id, out var type, out var key) && type == "Campaign"
                    ? await db.Campaigns.AsTracking().Include(c => c.Phases).Include(c => c.Targets).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == key)
                    : null;
                if (campaign is null)
                {
                    return (null, UserError.NotFound("campaignId", $"There is no campaign {id}."));
                }
                if (i.ExpectedVersion is { } expected && expected != campaign.Version)
                {
                    return (null, UserError.Conflict($"Campaign {campaign.Name} has changed (version {campaign.Version}, you expected {expected}); read it again and retry."));
                }
                if (Apply(campaign, i) is { } invalid)
                {
                    return (null, invalid);
                }
                campaign.UpdatedAt = DateTime.UtcNow;
                campaign.Version++;
                return (campaign, null);
            });
    }

    /// <summary>Validates the whole input first, then replaces the campaign's fields, phases and targets.</summary>
    private static UserError? Apply(Campaign campaign, ICampaignDefinition i)
    {
        if (Validate.Text("name", i.Name, 200) is { } invalid)
        {
            return invalid;
        }
        var phases = i.Phases.Select(p => new CampaignPhase { Kind = p.Kind, From = p.From, To = p.To }).ToList();
        if (phases.FirstOrDefault(p => p.To <= p.From) is { } backwards)
        {
            return UserError.Validation("phases", $"Phase {backwards.Kind} ends before it starts.");
        }
        // Phases may overlap: a plan's 排查 (02-01→04-30) and 施策 (03-01→04-30) run together on purpose.
        var targets = i.Targets.Select(t => new CampaignTarget { Figure = t.Figure, Comparison = t.Comparison, Value = t.Value }).ToList();
        if (targets.FirstOrDefault(t => !Sensible(t)) is { } odd)
        {
            return UserError.Validation("targets", $"Target {odd.Figure} {odd.Comparison} {odd.Value} is out of range: percent 0–100, rates 0–1, counts ≥ 0.");
        }
        campaign.Name = i.Name.Trim();
        campaign.BaselineAt = i.BaselineAt;
        campaign.Phases.Clear();
        campaign.Phases.AddRange(phases);
        campaign.Targets.Clear();
        campaign.Targets.AddRange(targets);
        return null;
    }

    private static bool Sensible(CampaignTarget t) => t.Comparison switch
    {
        TargetComparison.ReduceByPercent => t.Value is >= 0 and <= 100,
        _ when t.Figure.ToString().EndsWith("Rate", StringComparison.Ordinal) => t.Value is >= 0 and <= 1,
        _ => t.Value >= 0 && double.IsFinite(t.Value),
    };
}

public static class CampaignQueries
{
    public static void AddCampaignQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CampaignType>>>>("campaigns")
            .Description("Every campaign, latest baseline first.")
            .ResolveAsync(async c => await c.Db().Campaigns.Include(k => k.Phases).Include(k => k.Targets).AsSplitQuery()
                .OrderByDescending(k => k.BaselineAt).ThenByDescending(k => k.Id).ToListAsync(c.CancellationToken));
    }
}
