using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Cases.Mutations;
using PetitionGraph.Api.GraphQL.Mutations;
using PetitionGraph.Api.GraphQL.Relay;
using PetitionGraph.Api.Language;

namespace PetitionGraph.Api.Units;

/// <summary>
/// 交办 / 转办: the office refers a case (or one demand of it) to responsible units and urges them; each unit takes,
/// answers or returns its own referral. One transaction per step, each also a case event.
/// </summary>
public static class ReferralSteps
{
    private const int MaxUnits = 10;

    public static IReadOnlyList<CaseStep> All { get; } =
    [
        new CaseStep<ReferCaseInput>("referCase",
            "交办: refer the case, or a demand of it, to one or more responsible units with a due date and instructions (OFFICE, VILLAGE_HANDLER).", ReferAsync),
        new CaseStep<ReferralStepInput>("acceptReferral", "签收: the unit takes its referral (UNIT).", (c, i) => OwnAsync(c, i.ReferralId, Accept(i.Note))),
        new CaseStep<ReplyToReferralInput>("replyToReferral", "反馈: the unit replies with its measures and result (UNIT).",
            (c, i) => OwnAsync(c, i.ReferralId, Reply(i))),
        new CaseStep<ReturnReferralInput>("returnReferral", "退回: the unit returns a referral that is not its matter, with the reason (UNIT).",
            (c, i) => OwnAsync(c, i.ReferralId, Return(i.Reason))),
        new CaseStep<ReferralStepInput>("urgeReferral", "催办: urge a unit to answer its referral (OFFICE, VILLAGE_HANDLER).", UrgeAsync),
    ];

    private static async Task<UserError?> ReferAsync(CaseCommand c, ReferCaseInput i)
    {
        // 转送、交办 may come at registration already (信访工作条例 Art. 31: within 15 days of receipt), or later.
        if (c.Require([CaseStatus.Registered, .. CaseSteps.Open]) is { } state)
        {
            return state;
        }
        if (i.Units.Count is 0 or > MaxUnits)
        {
            return UserError.Validation("units", new Msg($"每次交办 1 至 {MaxUnits} 个责任单位。", $"Refer to 1 to {MaxUnits} units at once."));
        }
        var codes = i.Units.Select(u => u.UnitCode.Trim()).ToList();
        var units = await c.Db.ResponsibleUnits.Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code);
        var open = (await c.Db.Referrals.Where(r => r.CaseId == c.Case.Id).Where(Referral.Open).Select(r => new { r.Unit!.Code, r.Part }).ToListAsync())
            .Select(r => (r.Code, r.Part)).ToHashSet();
        foreach (var (unit, index) in i.Units.Select((u, index) => (u, index)))
        {
            var code = codes[index];
            var part = string.IsNullOrWhiteSpace(unit.Part) ? null : unit.Part.Trim();
            var refused = !units.TryGetValue(code, out var found)
                    ? UserError.NotFound("units.unitCode", new Msg($"没有编号为 {code} 的责任单位。", $"There is no responsible unit {code}."))
                : !found.Active ? UserError.Validation("units.unitCode", new Msg($"责任单位 {code}（{found.Name}）已停用。", $"Unit {code} ({found.Name}) is deactivated."))
                : Validate.Text("units.instructions", unit.Instructions, 2000)
                ?? (part is { Length: > 1000 }
                    ? UserError.Validation("units.part", new Msg("units.part 超过 1000 个字符。", "units.part is longer than 1000 characters."))
                    : null)
                ?? (unit.DueAt <= c.Now
                    ? UserError.Validation("units.dueAt", new Msg(
                        $"{found.Name} 的办理期限已过（{unit.DueAt:yyyy-MM-dd HH:mm} UTC）。",
                        $"The due date for {found.Name} has passed ({unit.DueAt:yyyy-MM-dd HH:mm} UTC)."))
                    : null)
                ?? (!open.Add((code, part))
                    ? UserError.Conflict(new Msg(
                        $"信访事项 {c.Case.Number}{(part is null ? "" : "（" + part + "）")}已交办给责任单位 {code}（{found.Name}），尚未办结。",
                        $"Unit {code} ({found.Name}) already holds an open referral of case {c.Case.Number}{(part is null ? "" : " for " + part)}."))
                    : null);
            if (refused is not null)
            {
                return refused;
            }
            c.Db.Referrals.Add(new Referral
            {
                CaseId = c.Case.Id,
                UnitId = found!.Id,
                Part = part,
                Instructions = unit.Instructions.Trim(),
                DueAt = unit.DueAt,
                Status = ReferralStatus.Referred,
                ReferredAt = c.Now,
                ReferredBy = c.Actor,
            });
            c.Append(CaseEventKind.Referred, $"{found.Name}{(part is null ? "" : "：" + part)}", dueAt: unit.DueAt);
        }
        return null;
    }

    /// <summary>Loads the referral of this case and runs a unit's step on it — only the unit it was referred to may.</summary>
    private static async Task<UserError?> OwnAsync(CaseCommand c, string referralId, Func<CaseCommand, Referral, UserError?> step)
    {
        if (await FindAsync(c, referralId) is not { } referral)
        {
            return UserError.NotFound("referralId", new Msg($"信访事项 {c.Case.Number} 没有编号为 {referralId} 的转办。", $"Case {c.Case.Number} has no referral {referralId}."));
        }
        // A UNIT account answers only its own unit's referrals (its scope shows it the case through any of them).
        if (c.Caller is { Role: Role.Unit } caller && caller.Unit != referral.Unit!.Code)
        {
            return UserError.NotFound("referralId", new Msg(
                $"信访事项 {c.Case.Number} 没有交给你单位、编号为 {referralId} 的转办。", $"Case {c.Case.Number} has no referral {referralId} to your unit."));
        }
        return step(c, referral);
    }

    private static async Task<Referral?> FindAsync(CaseCommand c, string referralId) =>
        GlobalId.TryDecode(referralId, out var type, out var id) && type == "Referral"
            ? await c.Db.Referrals.AsTracking().Include(r => r.Unit).FirstOrDefaultAsync(r => r.Id == id && r.CaseId == c.Case.Id)
            : null;

    private static UserError? NotOpen(Referral r, params ReferralStatus[] allowed)
    {
        if (allowed.Contains(r.Status))
        {
            return null;
        }
        var status = Data.EnumNames.Name(r.Status);
        var needed = allowed.Select(s => Data.EnumNames.Name(s)).ToList();
        return UserError.InvalidState(new Msg(
            $"{r.Unit!.Name} 的转办当前为 {status}，须为 {string.Join(" 或 ", needed)} 才能办理此步。",
            $"The referral to {r.Unit!.Name} is {status}; it needs {string.Join(" or ", needed)}."));
    }

    private static Func<CaseCommand, Referral, UserError?> Accept(string? note) => (c, r) =>
    {
        if (NotOpen(r, ReferralStatus.Referred) is { } refused)
        {
            return refused;
        }
        r.Status = ReferralStatus.Accepted;
        r.AcceptedAt = c.Now;
        return c.Append(CaseEventKind.ReferralAccepted, Join(r.Unit!.Name, note));
    };

    private static Func<CaseCommand, Referral, UserError?> Reply(ReplyToReferralInput i) => (c, r) =>
    {
        if ((NotOpen(r, ReferralStatus.Referred, ReferralStatus.Accepted) ?? Validate.Text("measures", i.Measures) ?? Validate.Text("result", i.Result)) is { } refused)
        {
            return refused;
        }
        r.AcceptedAt ??= c.Now;
        r.Status = ReferralStatus.Replied;
        r.RepliedAt = c.Now;
        r.Measures = i.Measures.Trim();
        r.Result = i.Result.Trim();
        return c.Append(CaseEventKind.ReferralReplied, $"{r.Unit!.Name}{(c.Now > r.DueAt ? "（逾期反馈）" : "")}：{r.Result}");
    };

    private static Func<CaseCommand, Referral, UserError?> Return(string reason) => (c, r) =>
    {
        if ((NotOpen(r, ReferralStatus.Referred, ReferralStatus.Accepted) ?? Validate.Text("reason", reason, 2000)) is { } refused)
        {
            return refused;
        }
        r.Status = ReferralStatus.Returned;
        r.ReturnedAt = c.Now;
        r.ReturnReason = reason.Trim();
        return c.Append(CaseEventKind.ReferralReturned, $"{r.Unit!.Name}：{r.ReturnReason}");
    };

    private static async Task<UserError?> UrgeAsync(CaseCommand c, ReferralStepInput i)
    {
        if (await FindAsync(c, i.ReferralId) is not { } r)
        {
            return UserError.NotFound("referralId", new Msg($"信访事项 {c.Case.Number} 没有编号为 {i.ReferralId} 的转办。", $"Case {c.Case.Number} has no referral {i.ReferralId}."));
        }
        if (NotOpen(r, ReferralStatus.Referred, ReferralStatus.Accepted) is { } refused)
        {
            return refused;
        }
        r.Urges++;
        r.LastUrgedAt = c.Now;
        return c.Append(CaseEventKind.ReferralUrged, Join($"{r.Unit!.Name}（第{r.Urges.ToString(CultureInfo.InvariantCulture)}次催办）", i.Note));
    }

    private static string Join(string head, string? note) => string.IsNullOrWhiteSpace(note) ? head : $"{head}：{note.Trim()}";
}
