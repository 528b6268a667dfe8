using PetitionGraph.Api.GraphQL.Mutations;
using PetitionGraph.Api.Language;
using static PetitionGraph.Api.Cases.CaseStatus;

namespace PetitionGraph.Api.Cases.Mutations;

/// <summary>The lifecycle of DESIGN §5 as steps: who may follow whom, within which time limits.</summary>
public static class CaseSteps
{
    /// <summary>States in which a case is still being handled (settlement, designation possible).</summary>
    internal static readonly CaseStatus[] Open = [Accepted, Concluded, UnderReview, Reviewed, UnderSecondReview, SecondReviewed];

    public static IReadOnlyList<CaseStep> All { get; } =
    [
        new CaseStep<NoteInput>("acceptCase", "受理: accept the case (tell the petitioner within the notice limit, 15 days by default).",
            (c, i) => c.Require(Registered) ?? c.Append(CaseEventKind.Accepted, i.Note)),
        new CaseStep<DeclineInput>("declineCase", "不予受理: decline, naming where the petitioner should turn instead.",
            (c, i) => c.Require(Registered) ?? Validate.Text("reason", i.Reason) ?? c.Append(CaseEventKind.Declined, i.Reason, source: i.RouteTo)),
        new CaseStep<ExtendInput>("extendCase", "延期: extend the conclusion limit once, by at most 30 days (configurable), with a reason.", Extend),
        new CaseStep<ReplyInput>("concludeCase", "办结: conclude with a written reply.",
            (c, i) => c.Require(Accepted) ?? Validate.Text("reply", i.Reply) ?? c.Append(CaseEventKind.Concluded, i.Reply)),
        new CaseStep<NoteInput>("requestReview", "复查: the petitioner asks for a review, within 30 days of the written reply.",
            (c, i) => c.Require(Concluded) ?? c.Before(c.Case.RepliedAt?.AddDays(c.Limits.ReviewRequestDays), new Msg("申请复查期限", "The time to request a review"))
                ?? c.Append(CaseEventKind.ReviewRequested, i.Note)),
        new CaseStep<ReplyInput>("concludeReview", "复查意见: the reviewing office answers (within 30 days).",
            (c, i) => c.Require(UnderReview) ?? Validate.Text("reply", i.Reply) ?? c.Append(CaseEventKind.Reviewed, i.Reply)),
        new CaseStep<NoteInput>("requestSecondReview", "复核: the petitioner asks for a second review, within 30 days of the review.",
            (c, i) => c.Require(Reviewed) ?? c.Before(c.Case.RepliedAt?.AddDays(c.Limits.ReviewRequestDays), new Msg("申请复核期限", "The time to request a second review"))
                ?? c.Append(CaseEventKind.ReReviewRequested, i.Note)),
        new CaseStep<ReplyInput>("concludeSecondReview", "复核意见: the second review is answered (within 30 days).",
            (c, i) => c.Require(UnderSecondReview) ?? Validate.Text("reply", i.Reply) ?? c.Append(CaseEventKind.ReReviewed, i.Reply)),
        new CaseStep<DesignateInput>("designateBacklog", "列为积案: put the case on the backlog, e.g. from a superior's list.", Designate),
        new CaseStep<Settlement.ResolveInput>("resolveCase", "化解: the matter is settled and petitioning stops — and how (the way, the assistance given).",
            Settlement.Resolution.ResolveAsync),
        new CaseStep<ReasonInput>("reopenCase", "重新办理: reopen after a reply or a resolution, e.g. on a repeat petition with new facts.",
            (c, i) => c.Require(Resolved, Concluded, Reviewed) ?? Validate.Text("reason", i.Reason) ?? Settlement.Resolution.Unsettle(c) ?? c.Append(CaseEventKind.Reopened, i.Reason)),
        new CaseStep<NoteInput>("terminateCase", "终结: after the second review the same matter on the same facts is not taken up again.",
            (c, i) => c.Require(SecondReviewed) ?? c.Append(CaseEventKind.Terminated, i.Note)),
    ];

    private static UserError? Extend(CaseCommand c, ExtendInput i)
    {
        var days = i.Days;
        return c.Require(Accepted)
            ?? (c.Case.Extended ? UserError.InvalidState(new Msg(
                $"案件 {c.Case.Number} 已延期一次，不得再次延期。",
                $"Case {c.Case.Number} has already been extended once; a second extension is not allowed.")) : null)
            ?? (days < 1 || days > c.Limits.MaxExtensionDays ? UserError.Validation("days", new Msg(
                $"days 须在 1 至 {c.Limits.MaxExtensionDays} 之间，当前为 {days}。",
                $"days must be between 1 and {c.Limits.MaxExtensionDays}; it was {days}.")) : null)
            ?? Validate.Text("reason", i.Reason)
            ?? c.Before(c.Case.ConcludeDueAt, new Msg("办结期限", "The conclusion limit"))
            ?? c.Append(CaseEventKind.Extended, i.Reason, dueAt: c.Case.ConcludeDueAt!.Value.AddDays(days));
    }

    private static UserError? Designate(CaseCommand c, DesignateInput i) =>
        c.Require([Registered, .. Open])
        ?? Validate.Text("source", i.Source, 200)
        ?? (c.Case.Events.Any(e => e.Kind == CaseEventKind.DesignatedBacklog && e.At > LastReopen(c.Case))
            ? UserError.InvalidState(new Msg($"案件 {c.Case.Number} 已列为积案。", $"Case {c.Case.Number} is already designated backlog.")) : null)
        ?? c.Append(CaseEventKind.DesignatedBacklog, i.Note, source: i.Source);

    private static DateTime LastReopen(Case c) =>
        c.Events.Where(e => e.Kind == CaseEventKind.Reopened).Select(e => e.At).DefaultIfEmpty(DateTime.MinValue).Max();
}
