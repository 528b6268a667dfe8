using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.Mutations;
using PetitionGraph.Api.GraphQL.Relay;
using PetitionGraph.Api.GraphQL.Scalars;
using static PetitionGraph.Api.GraphQL.ReferenceMutations;

namespace PetitionGraph.Api.Campaigns;

public sealed class CampaignPhaseInputType : InputObjectGraphType
{
    public CampaignPhaseInputType()
    {
        Name = "CampaignPhaseInput";
        Field<NonNullGraphType<EnumType<CampaignPhaseKind>>>("kind");
        Field<NonNullGraphType<DateTimeScalar>>("from");
        Field<NonNullGraphType<DateTimeScalar>>("to").Description("Exclusive; after from.");
    }
}

public sealed class CampaignTargetInputType : InputObjectGraphType
{
    public CampaignTargetInputType()
    {
        Name = "CampaignTargetInput";
        Field<NonNullGraphType<EnumType<CampaignFigure>>>("figure");
        Field<NonNullGraphType<EnumType<TargetComparison>>>("comparison");
        Field<NonNullGraphType<FloatGraphType>>("value").Description("Percent (0–100) for REDUCE_BY_PERCENT; a rate as a fraction (0–1); a count ≥ 0.");
    }
}

public static class CampaignMutations
{
    /// <summary>New field instances each time: a schema initialises the fields it is given.</summary>
    private static FieldType[] Definition() =>
    [
        Input("name", typeof(NonNullGraphType<StringGraphType>)),
        Input("baselineAt", typeof(NonNullGraphType<DateTimeScalar>), "基准日: targets are measured against the figures at this instant."),
        Input("phases", typeof(NonNullGraphType<ListGraphType<NonNullGraphType<CampaignPhaseInputType>>>), "排查, 施策, 攻坚, 巩固 with their dates; they may not overlap."),
        Input("targets", typeof(NonNullGraphType<ListGraphType<NonNullGraphType<CampaignTargetInputType>>>)),
    ];

    public static void AddCampaignMutations(this ObjectGraphType mutation)
    {
        mutation.AddReferenceMutation<CampaignType>("createCampaign", "Start a campaign: baseline, phases and targets.", "campaign",
            Definition(), (i, db) =>
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
        mutation.AddReferenceMutation<CampaignType>("updateCampaign", "Change a campaign: its name, baseline, phases and targets are replaced as given.", "campaign",
            [Input("campaignId", typeof(NonNullGraphType<IdGraphType>)),
             Input("expectedVersion", typeof(IntGraphType), "The version as you read it; refused with CONFLICT if it changed since."),
             .. Definition()],
            async (i, db) =>
            {
                var id = i.Text("campaignId");
                var campaign = id is not null && GlobalId.TryDecode(id, out var type, out var key) && type == "Campaign"
                    ? await db.Campaigns.AsTracking().Include(c => c.Phases).Include(c => c.Targets).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == key)
                    : null;
                if (campaign is null)
                {
                    return (null, UserError.NotFound("campaignId", $"There is no campaign {id}."));
                }
                if (i.Int("expectedVersion") is { } expected && expected != campaign.Version)
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
    private static UserError? Apply(Campaign campaign, StepInput i)
    {
        if (Validate.Text("name", i.Text("name"), 200) is { } invalid)
        {
            return invalid;
        }
        var phases = i.Items("phases").Select(p => new CampaignPhase { Kind = p.Enum<CampaignPhaseKind>("kind")!.Value, From = p.Instant("from")!.Value, To = p.Instant("to")!.Value }).ToList();
        if (phases.FirstOrDefault(p => p.To <= p.From) is { } backwards)
        {
            return UserError.Validation("phases", $"Phase {backwards.Kind} ends before it starts.");
        }
        var ordered = phases.OrderBy(p => p.From).ToList();
        if (ordered.Zip(ordered.Skip(1)).FirstOrDefault(p => p.Second.From < p.First.To) is { First: not null } overlap)
        {
            return UserError.Validation("phases", $"Phases {overlap.First.Kind} and {overlap.Second.Kind} overlap.");
        }
        var targets = i.Items("targets").Select(t => new CampaignTarget
        {
            Figure = t.Enum<CampaignFigure>("figure")!.Value,
            Comparison = t.Enum<TargetComparison>("comparison")!.Value,
            Value = t.Float("value")!.Value,
        }).ToList();
        if (targets.FirstOrDefault(t => !Sensible(t)) is { } odd)
        {
            return UserError.Validation("targets", $"Target {odd.Figure} {odd.Comparison} {odd.Value} is out of range: percent 0–100, rates 0–1, counts ≥ 0.");
        }
        campaign.Name = i.Text("name")!.Trim();
        campaign.BaselineAt = i.Instant("baselineAt")!.Value;
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
