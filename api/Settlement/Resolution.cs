using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Cases.Mutations;
using PetitionGraph.Api.GraphQL.Mutations;
using PetitionGraph.Api.GraphQL.Scalars;
using PetitionGraph.Api.Language;

namespace PetitionGraph.Api.Settlement;

public sealed record ResolveInput(string CaseId, int? ExpectedVersion, string? Note, string? WayCode, AssistanceKind? AssistanceKind, decimal? AssistanceAmount)
    : ICaseStepInput, IMutationInput<ResolveInput>
{
    public static void Declare(InputObjectGraphType<ResolveInput> type)
    {
        CaseStepFields.Declare(type);
        type.Field(x => x.Note, type: typeof(StringGraphType)).Description("Free text for the record.");
        type.Field(x => x.WayCode, type: typeof(StringGraphType)).Description("化解方式: how it was settled (settlementWays), e.g. MEDIATION.");
        type.Field(x => x.AssistanceKind, type: typeof(EnumType<AssistanceKind>)).Description("救助: the kind of hardship assistance given, if any.");
        type.Field(x => x.AssistanceAmount, type: typeof(DecimalScalar)).Description("救助金额 in yuan (0 to 10,000,000, at most two decimals); needs assistanceKind.");
    }
}

/// <summary>化解: a case settled — and how (the way, the assistance given), kept on the case until it is reopened.</summary>
public static class Resolution
{
    private const decimal MaxAmount = 10_000_000m;

    public static async Task<UserError?> ResolveAsync(CaseCommand c, ResolveInput i)
    {
        if (c.Require(CaseSteps.Open) is { } state)
        {
            return state;
        }
        SettlementWay? way = null;
        if (i.WayCode is { } code)
        {
            way = await c.Db.SettlementWays.FirstOrDefaultAsync(w => w.Code == code.Trim());
            if (way is null || !way.Active)
            {
                return way is null
                    ? UserError.NotFound("wayCode", new Msg($"化解方式 {code} 不存在。", $"There is no settlement way {code}."))
                    : UserError.Validation("wayCode", new Msg($"化解方式 {code}（{way.NameZh}）已停用。", $"The way {code} ({way.NameZh}) is deactivated."));
            }
        }
        if (i.AssistanceAmount is { } amount)
        {
            if (i.AssistanceKind is null)
            {
                return UserError.Validation("assistanceKind", new Msg(
                    "填写救助金额时须同时填写救助类型（assistanceKind）。",
                    "Give the kind of assistance (assistanceKind) with its amount."));
            }
            if (amount < 0 || amount > MaxAmount || decimal.Round(amount, 2) != amount)
            {
                return UserError.Validation("assistanceAmount", new Msg(
                    $"assistanceAmount 须在 0 至 {MaxAmount:N0} 元之间，最多两位小数；当前为 {amount}。",
                    $"assistanceAmount is 0 to {MaxAmount:N0} yuan with at most two decimals; it was {amount}."));
            }
        }
        c.Case.SettlementWayId = way?.Id;
        c.Case.AssistanceKind = i.AssistanceKind;
        c.Case.AssistanceAmount = i.AssistanceAmount;
        return c.Append(CaseEventKind.Resolved, way is null ? i.Note : $"【{way.NameZh}】{i.Note}");
    }

    /// <summary>A reopened case is no longer settled: its way and assistance go (the Resolved event keeps the record).</summary>
    public static UserError? Unsettle(CaseCommand c)
    {
        c.Case.SettlementWayId = null;
        c.Case.AssistanceKind = null;
        c.Case.AssistanceAmount = null;
        return null;
    }
}
