using GraphQL.Types;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.DataLoading;
using PetitionGraph.Api.GraphQL.Mutations;
using PetitionGraph.Api.GraphQL.Projection;
using PetitionGraph.Api.GraphQL.Relay;
using PetitionGraph.Api.GraphQL.Scalars;
using PetitionGraph.Api.Language;
using static PetitionGraph.Api.GraphQL.ReferenceMutations;

namespace PetitionGraph.Api.Settlement;

public sealed class SettlementWayType : ObjectGraphType<SettlementWay>
{
    public SettlementWayType()
    {
        this.NodeId("SettlementWay");
        Description = "化解方式: how a case was settled; editable reference data.";
        Field(w => w.Code).Description("Stable code, e.g. MEDIATION; used in resolveCase.");
        Field(w => w.NameZh).Description("Chinese name, e.g. 调解.");
        Field(w => w.Active).Description("false once deactivated: kept for history, not offered for new resolutions.");
    }
}

public sealed record CreateSettlementWayInput(string Code, string NameZh) : IMutationInput<CreateSettlementWayInput>
{
    public static void Declare(InputObjectGraphType<CreateSettlementWayInput> type)
    {
        type.Field(x => x.Code, type: typeof(NonNullGraphType<StringGraphType>)).Description("Unique code, e.g. MEDIATION.");
        type.Field(x => x.NameZh, type: typeof(NonNullGraphType<StringGraphType>)).Description("Chinese name, e.g. 调解.");
    }
}

public sealed record SettlementWayIdInput(string SettlementWayId) : IMutationInput<SettlementWayIdInput>
{
    public static void Declare(InputObjectGraphType<SettlementWayIdInput> type) =>
        type.Field(x => x.SettlementWayId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The way concerned.");
}

public static class SettlementSchema
{
    public static void AddSettlementQueries(this ObjectGraphType query) =>
        query.RootConnection<SettlementWayType, SettlementWay>("settlementWays", "化解方式: the ways a case can be settled.");

    public static void AddSettlementMutations(this ObjectGraphType mutation)
    {
        mutation.AddReferenceMutation<SettlementWayType, CreateSettlementWayInput>("createSettlementWay", "Add a way of settling cases (化解方式).", "settlementWay",
            async (i, db) =>
            {
                var code = i.Code.Trim();
                if (!IsCode(code))
                {
                    return (null, UserError.Validation("code", new Msg("code 须由 1–32 个字母、数字、“-”或“_”组成。", "code is 1–32 letters, digits, '-' or '_'.")));
                }
                if (Validate.Text("nameZh", i.NameZh, 64) is { } invalid)
                {
                    return (null, invalid);
                }
                if (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.SettlementWays, w => w.Code == code))
                {
                    return (null, new UserError(UserErrorCode.Conflict, new Msg($"代码为 {code} 的化解方式已存在。", $"A way with code {code} exists already."), ["input", "code"]));
                }
                var way = new SettlementWay { Code = code, NameZh = i.NameZh.Trim() };
                db.SettlementWays.Add(way);
                return (way, null);
            });
        mutation.AddReferenceMutation<SettlementWayType, SettlementWayIdInput>("deactivateSettlementWay", "Deactivate a way: not offered for new resolutions; cases keep it.", "settlementWay",
            async (i, db) => await FindAsync<SettlementWay>(db, i.SettlementWayId, "SettlementWay") is not { } way
                ? (null, UserError.NotFound("settlementWayId", new Msg($"化解方式 {i.SettlementWayId} 不存在。", $"There is no settlement way {i.SettlementWayId}.")))
                : (Change(way, w => w.Active = false), null));
    }

    /// <summary>How the case was settled: the way and the assistance given, null while not settled (or reopened).</summary>
    public static void AddSettlementFields(this ObjectGraphType<Case> type)
    {
        type.Field<SettlementWayType>("settlementWay").Description("化解方式: how it was settled; null while not resolved.").Reads(nameof(Case.SettlementWayId))
            .Resolve(c => c.Source.SettlementWayId is { } id ? c.LoadById<SettlementWay>(id) : null);
        type.Field(k => k.AssistanceKind, type: typeof(EnumType<AssistanceKind>)).Description("救助: the kind of hardship assistance given on settlement; null when none.");
        type.Field(k => k.AssistanceAmount, type: typeof(DecimalScalar)).Description("救助金额: the amount given, in yuan; null when none.");
    }
}
