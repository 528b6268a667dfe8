using GraphQL.Types;
using PetitionGraph.Api.GraphQL.Mutations;
using static PetitionGraph.Api.Cases.CaseStatus;

namespace PetitionGraph.Api.Cases.Mutations;

/// <summary>The lifecycle of DESIGN §5 as steps: who may follow whom, within which time limits.</summary>
public static class CaseSteps
{
    private static readonly StepField Note = new("note", typeof(StringGraphType), "Free text for the record.");
    private static readonly StepField Reason = new("reason", typeof(NonNullGraphType<StringGraphType>), "Why (told to the petitioner).");
    private static readonly StepField Reply = new("reply", typeof(NonNullGraphType<StringGraphType>), "The written answer (处理意见书 / 复查意见 / 复核意见), in summary.");

    /// <summary>States in which a case is still being handled (settlement, designation possible).</summary>
    internal static readonly CaseStatus[] Open = [Accepted, Concluded, UnderReview, Reviewed, UnderSecondReview, SecondReviewed];

    public static IReadOnlyList<CaseStep> All { get; } =
    [
        new("acceptCase", "受理: accept the case (tell the petitioner within the notice limit, 15 days by default).", [Note],
            (c, i) => c.Require(Registered) ?? c.Append(CaseEventKind.Accepted, i.Text("note"))),
        new("declineCase", "不予受理: decline, naming where the petitioner should turn instead.",
            [Reason, new("routeTo", typeof(StringGraphType), "The office or channel the petitioner is referred to.")],
            (c, i) => c.Require(Registered) ?? Validate.Text("reason", i.Text("reason"))
                ?? c.Append(CaseEventKind.Declined, i.Text("reason"), source: i.Text("routeTo"))),
        new("extendCase", "延期: extend the conclusion limit once, by at most 30 days (configurable), with a reason.",
            [new("days", typeof(NonNullGraphType<IntGraphType>), "Days to add (1 to the maximum)."), Reason],
            Extend),
        new("concludeCase", "办结: conclude with a written reply.", [Reply],
            (c, i) => c.Require(Accepted) ?? Validate.Text("reply", i.Text("reply")) ?? c.Append(CaseEventKind.Concluded, i.Text("reply"))),
        new("requestReview", "复查: the petitioner asks for a review, within 30 days of the written reply.", [Note],
            (c, i) => c.Require(Concluded) ?? c.Before(c.Case.RepliedAt?.AddDays(c.Limits.ReviewRequestDays), "The time to request a review")
                ?? c.Append(CaseEventKind.ReviewRequested, i.Text("note"))),
        new("concludeReview", "复查意见: the reviewing office answers (within 30 days).", [Reply],
            (c, i) => c.Require(UnderReview) ?? Validate.Text("reply", i.Text("reply")) ?? c.Append(CaseEventKind.Reviewed, i.Text("reply"))),
        new("requestSecondReview", "复核: the petitioner asks for a second review, within 30 days of the review.", [Note],
            (c, i) => c.Require(Reviewed) ?? c.Before(c.Case.RepliedAt?.AddDays(c.Limits.ReviewRequestDays), "The time to request a second review")
                ?? c.Append(CaseEventKind.ReReviewRequested, i.Text("note"))),
        new("concludeSecondReview", "复核意见: the second review is answered (within 30 days).", [Reply],
            (c, i) => c.Require(UnderSecondReview) ?? Validate.Text("reply", i.Text("reply")) ?? c.Append(CaseEventKind.ReReviewed, i.Text("reply"))),
        new("designateBacklog", "列为积案: put the case on the backlog, e.g. from a superior's list.",
            [new("source", typeof(NonNullGraphType<StringGraphType>), "Where the designation comes from (上级交办积案清单, …)."), Note],
            Designate),
        new("resolveCase", "化解: the matter is settled and petitioning stops.", [Note],
            (c, i) => c.Require(Open) ?? c.Append(CaseEventKind.Resolved, i.Text("note"))),
        new("reopenCase", "重新办理: reopen after a reply or a resolution, e.g. on a repeat petition with new facts.", [Reason],
            (c, i) => c.Require(Resolved, Concluded, Reviewed) ?? Validate.Text("reason", i.Text("reason")) ?? c.Append(CaseEventKind.Reopened, i.Text("reason"))),
        new("terminateCase", "终结: after the second review the same matter on the same facts is not taken up again.", [Note],
            (c, i) => c.Require(SecondReviewed) ?? c.Append(CaseEventKind.Terminated, i.Text("note"))),
    ];

    private static UserError? Extend(CaseCommand c, StepInput i)
    {
        var days = i.Int("days") ?? 0;
        return c.Require(Accepted)
            ?? (c.Case.Extended ? UserError.InvalidState($"Case {c.Case.Number} has already been extended once; a second extension is not allowed.") : null)
            ?? (days < 1 || days > c.Limits.MaxExtensionDays ? UserError.Validation("days", $"days must be between 1 and {c.Limits.MaxExtensionDays}; it was {days}.") : null)
            ?? Validate.Text("reason", i.Text("reason"))
            ?? c.Before(c.Case.ConcludeDueAt, "The conclusion limit")
            ?? c.Append(CaseEventKind.Extended, i.Text("reason"), dueAt: c.Case.ConcludeDueAt!.Value.AddDays(days));
    }

    private static UserError? Designate(CaseCommand c, StepInput i) =>
        c.Require([Registered, .. Open])
        ?? Validate.Text("source", i.Text("source"), 200)
        ?? (c.Case.Events.Any(e => e.Kind == CaseEventKind.DesignatedBacklog && e.At > LastReopen(c.Case))
            ? UserError.InvalidState($"Case {c.Case.Number} is already designated backlog.") : null)
        ?? c.Append(CaseEventKind.DesignatedBacklog, i.Text("note"), source: i.Text("source"));

    private static DateTime LastReopen(Case c) =>
        c.Events.Where(e => e.Kind == CaseEventKind.Reopened).Select(e => e.At).DefaultIfEmpty(DateTime.MinValue).Max();
}
