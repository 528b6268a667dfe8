using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.GraphQL.Mutations;
using PetitionGraph.Api.GraphQL.Relay;
using PetitionGraph.Api.Language;
using PetitionGraph.Api.Leaders;
using static PetitionGraph.Api.Cases.CaseStatus;

namespace PetitionGraph.Api.Cases.Mutations;

/// <summary>Records kept on a case besides its lifecycle: evaluations, the task team's work, leaders answerable for it.</summary>
public static class CaseRecordSteps
{
    public static IReadOnlyList<CaseStep> All { get; } =
    [
        new CaseStep<EvaluationInput>("recordEvaluation",
            "参评: the petitioner's evaluation of the last reply — once per reply, within the evaluation window.", Evaluate),
        new CaseStep<ActivityInput>("recordActivity",
            "五个有: a task-team record (meeting minutes, reply, negotiation, hearing, registration), a visit or assistance. After termination only assistance (Art. 37). " +
            "A LEADER records their own part (批示 INSTRUCTION, 督办 SUPERVISION, 接访 RECEPTION, 协调 COORDINATION_MEETING) on the cases they own now.",
            RecordActivity),
        new CaseStep<AssignLeaderInput>("assignLeader",
            "包案: make a leader answerable for the case (a town lead, a village lead). Refused for a leader with a declared conflict of interest.", AssignAsync),
        new CaseStep<EndAssignmentInput>("endLeaderAssignment", "End a leader's assignment to the case (the assignment is kept, with its end).", EndAssignmentAsync),
        new CaseStep<ConflictInput>("declareConflictOfInterest",
            "回避 (Art. 28): a leader declares a direct interest in the case and may not be assigned to it.", DeclareConflictAsync),
    ];

    private static async Task<UserError?> Evaluate(CaseCommand c, EvaluationInput i)
    {
        if (c.Case.RepliedAt is not { } replied)
        {
            return UserError.InvalidState(new Msg($"案件 {c.Case.Number} 尚未书面答复，无可评价。", $"Case {c.Case.Number} has no written reply yet; there is nothing to evaluate."));
        }
        if (await c.Db.Evaluations.AnyAsync(e => e.CaseId == c.Case.Id && e.At >= replied))
        {
            return UserError.InvalidState(new Msg(
                $"案件 {c.Case.Number} 于 {replied:yyyy-MM-dd} 作出的答复已评价过。",
                $"The reply of {replied:yyyy-MM-dd} on case {c.Case.Number} has already been evaluated."));
        }
        return c.Before(replied.AddDays(c.Limits.EvaluationWindowDays), new Msg("评价期限", "The evaluation window"))
            ?? Add(c, new Evaluation { CaseId = c.Case.Id, At = c.Now, Result = i.Result },
                CaseEventKind.Evaluated, i.Result.ToString());
    }

    /// <summary>What a leader records of their own part; the task team's records are the office's.</summary>
    private static readonly ActivityKind[] LeaderKinds = [ActivityKind.Instruction, ActivityKind.Supervision, ActivityKind.Reception, ActivityKind.CoordinationMeeting];

    private static UserError? RecordActivity(CaseCommand c, ActivityInput i)
    {
        var kind = i.Kind;
        // A leader reaches only the cases they own now (their scope; never one that accuses them).
        if (c.Caller?.Role == Access.Role.Leader && !LeaderKinds.Contains(kind))
        {
            return UserError.Validation("kind", new Msg(
                "领导只能记录本人的工作：批示（INSTRUCTION）、督办（SUPERVISION）、接访（RECEPTION）或协调（COORDINATION_MEETING）。",
                "A leader records their own part: INSTRUCTION (批示), SUPERVISION (督办), RECEPTION (接访) or COORDINATION_MEETING (协调)."));
        }
        if (c.Case.Status == Terminated && kind != ActivityKind.Assistance)
        {
            return UserError.InvalidState(new Msg(
                $"案件 {c.Case.Number} 已终结，只能再记录帮扶（ASSISTANCE）。",
                $"Case {c.Case.Number} is terminated; only assistance (帮扶) may still be recorded."));
        }
        return Validate.Text("summary", i.Summary)
            ?? Add(c, new CaseActivity { CaseId = c.Case.Id, At = c.Now, Kind = kind, Summary = i.Summary.Trim(), Actor = c.Actor },
                CaseEventKind.ActivityRecorded, kind.ToString());
    }

    private static async Task<UserError?> AssignAsync(CaseCommand c, AssignLeaderInput i)
    {
        var role = i.Role;
        if (c.Require([Registered, .. CaseSteps.Open]) is { } state)
        {
            return state;
        }
        if (!GlobalId.TryDecode(i.LeaderId, out var type, out var leaderId) || type != "Leader"
            || await c.Db.Leaders.FirstOrDefaultAsync(l => l.Id == leaderId) is not { } leader)
        {
            return UserError.NotFound("leaderId", new Msg($"领导 {i.LeaderId} 不存在。", $"There is no leader {i.LeaderId}."));
        }
        if (!leader.Active)
        {
            return UserError.Validation("leaderId", new Msg($"{leader.Name} 已不在任。", $"{leader.Name} is no longer active."));
        }
        if ((role == AssignmentRole.TownLead) != (leader.Level == LeaderLevel.Town))
        {
            return UserError.Validation("role", new Msg(
                $"{leader.Name} 是{(leader.Level == LeaderLevel.Town ? "镇级" : "村级")}领导，不能担任 {role}。",
                $"{leader.Name} is a {leader.Level.ToString().ToLowerInvariant()}-level leader and cannot be {role}."));
        }
        if (await c.Db.LeaderConflicts.AnyAsync(x => x.LeaderId == leaderId && x.CaseId == c.Case.Id))
        {
            return new UserError(UserErrorCode.Conflict, new Msg(
                $"{leader.Name} 已声明与案件 {c.Case.Number} 有利害关系，应当回避。",
                $"{leader.Name} has declared a conflict of interest with case {c.Case.Number} (回避)."), ["input", "leaderId"]);
        }
        if (await c.Db.CaseAccusedLeaders.AnyAsync(x => x.LeaderId == leaderId && x.CaseId == c.Case.Id))
        {
            // Art. 30: the accused may neither see the case nor be made answerable for it.
            return new UserError(UserErrorCode.Conflict, new Msg(
                $"案件 {c.Case.Number} 反映的对象是该领导，不能由其包案；请另行指派。",
                $"Case {c.Case.Number} accuses this leader; assign someone else."), ["input", "leaderId"]);
        }
        if (await c.Db.LeaderAssignments.AnyAsync(a => a.CaseId == c.Case.Id && a.LeaderId == leaderId && (a.To == null || a.To > c.Now)))
        {
            return UserError.InvalidState(new Msg($"{leader.Name} 已是案件 {c.Case.Number} 的包案领导。", $"{leader.Name} is already assigned to case {c.Case.Number}."));
        }
        return Add(c, new LeaderAssignment { CaseId = c.Case.Id, LeaderId = leaderId, Role = role, From = c.Now }, CaseEventKind.LeaderAssigned, $"{leader.Name} {role}");
    }

    private static async Task<UserError?> EndAssignmentAsync(CaseCommand c, EndAssignmentInput i)
    {
        if (!GlobalId.TryDecode(i.AssignmentId, out var type, out var id) || type != "LeaderAssignment"
            || await c.Db.LeaderAssignments.AsTracking().FirstOrDefaultAsync(a => a.Id == id && a.CaseId == c.Case.Id) is not { } assignment)
        {
            return UserError.NotFound("assignmentId", new Msg($"案件 {c.Case.Number} 没有包案记录 {i.AssignmentId}。", $"Case {c.Case.Number} has no assignment {i.AssignmentId}."));
        }
        if (assignment.To is { } to && to <= c.Now)
        {
            return UserError.InvalidState(new Msg("该包案已经结束。", "The assignment has already ended."));
        }
        assignment.To = c.Now;
        return c.Append(CaseEventKind.LeaderUnassigned, $"leader {assignment.LeaderId} {assignment.Role}");
    }

    private static async Task<UserError?> DeclareConflictAsync(CaseCommand c, ConflictInput i)
    {
        if (!GlobalId.TryDecode(i.LeaderId, out var type, out var leaderId) || type != "Leader" || !await c.Db.Leaders.AnyAsync(l => l.Id == leaderId))
        {
            return UserError.NotFound("leaderId", new Msg($"领导 {i.LeaderId} 不存在。", $"There is no leader {i.LeaderId}."));
        }
        if (Validate.Text("reason", i.Reason) is { } invalid)
        {
            return invalid;
        }
        if (await c.Db.LeaderConflicts.AnyAsync(x => x.LeaderId == leaderId && x.CaseId == c.Case.Id))
        {
            return UserError.InvalidState(new Msg("该领导与本案的利害关系已声明过。", "This conflict of interest is already declared."));
        }
        return Add(c, new LeaderConflict { LeaderId = leaderId, CaseId = c.Case.Id, Reason = i.Reason.Trim(), DeclaredAt = c.Now },
            CaseEventKind.ConflictDeclared, null);
    }

    private static UserError? Add(CaseCommand c, object record, CaseEventKind kind, string? note)
    {
        c.Db.Add(record);
        return c.Append(kind, note);
    }
}
