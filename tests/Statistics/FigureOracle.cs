using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Petitions;

namespace PetitionGraph.Tests.Statistics;

/// <summary>One figure row as the oracle computes it; the same shape the API's buckets are read into.</summary>
public sealed record FigureRow(
    int Stock, int Increment, int BacklogIncrement, int Resolved, int Petitions, int HighLevelPetitions, int RepeatPetitions,
    int AcceptedOnTime, int AcceptanceDue, int ConcludedOnTime, int ConclusionDue, int Evaluated, int EvaluationDenominator, int Satisfied);

/// <summary>A group key as the oracle sees it: category and village ids, leader id, channel and level names.</summary>
public sealed record OracleGroup(int? Category, int? Village, int? Leader, string? Channel, string? Level);

/// <summary>
/// Deliberately naive reference for DESIGN §6: plain loops over each case's events, replayed from the start for
/// every instant asked about. It shares no code with the API's projector or SQL; where both agree, both are right
/// or both misread the definitions in the same way — the definitions are written out here once more to make that
/// visible.
/// </summary>
public sealed class FigureOracle(IReadOnlyList<Case> cases, DateTime now)
{
    private const int NoticeDays = 15, ConcludeDays = 60, ExtensionDays = 30, ReviewAnswerDays = 30, EvaluationDays = 30;

    /// <summary>
    /// Replays a case's events (by instant, then id) strictly before <paramref name="until"/>, noting a missed due
    /// instant as entering the backlog, and reports whether it stands in the backlog just before <paramref name="until"/>.
    /// <paramref name="beforeEvent"/> sees the backlog state just before each event is applied.
    /// </summary>
    private static bool Replay(Case c, DateTime until, Action<CaseEvent, bool>? beforeEvent = null, Action<DateTime>? entered = null)
    {
        DateTime? due = null;
        bool inBacklog = false, ever = false, settled = false;
        void Enter(DateTime at)
        {
            ever = true;
            if (!settled && !inBacklog)
            {
                inBacklog = true;
                entered?.Invoke(at);
            }
        }
        foreach (var e in c.Events.OrderBy(e => e.At).ThenBy(e => e.Id))
        {
            if (e.At >= until)
            {
                break;
            }
            if (due is { } d && d < e.At && !settled)
            {
                Enter(d);
            }
            beforeEvent?.Invoke(e, inBacklog);
            switch (e.Kind)
            {
                case CaseEventKind.Registered: due = c.OpenedAt.AddDays(NoticeDays); break;
                case CaseEventKind.Accepted: due = e.At.AddDays(ConcludeDays); break;
                case CaseEventKind.Extended: due = due is null ? null : e.DueAt ?? due.Value.AddDays(ExtensionDays); break;
                case CaseEventKind.ReviewRequested or CaseEventKind.ReReviewRequested: due = e.At.AddDays(ReviewAnswerDays); break;
                case CaseEventKind.Concluded or CaseEventKind.Reviewed or CaseEventKind.ReReviewed: due = null; break;
                case CaseEventKind.DesignatedBacklog:
                    if (!settled)
                    {
                        Enter(e.At);
                    }
                    break;
                // 不予受理 closes the matter for this office, and takes a late-declined case out of the backlog (DESIGN §6).
                case CaseEventKind.Resolved or CaseEventKind.Terminated or CaseEventKind.Declined:
                    settled = true;
                    inBacklog = false;
                    due = null;
                    break;
                case CaseEventKind.Reopened:
                    settled = false;
                    due = e.At.AddDays(ConcludeDays);
                    if (ever)
                    {
                        Enter(e.At);
                    }
                    break;
            }
        }
        if (due is { } last && last < until && !settled)
        {
            Enter(last);
        }
        return inBacklog;
    }

    private static bool InForce(Case c, int leaderId, DateTime at) =>
        c.Assignments.Any(a => a.LeaderId == leaderId && a.From <= at && (a.To is null || a.To > at));

    private static bool Matches(Case c, OracleGroup g, DateTime at, Petition? own)
    {
        var first = c.Petitions.Single(p => p.IsFirst);
        return (g.Category is null || g.Category == c.CategoryId)
            && (g.Village is null || g.Village == c.VillageId)
            && (g.Leader is null || InForce(c, g.Leader.Value, at))
            && (g.Channel is null || g.Channel == Name((own ?? first).Channel))
            && (g.Level is null || g.Level == Name((own ?? first).Level));
    }

    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum =>
        string.Concat(value.ToString().Select((ch, i) => i > 0 && char.IsUpper(ch) ? "_" + ch : ch.ToString())).ToUpperInvariant();

    /// <summary>The figures of one bucket [start, end) for one group, over the cases that match the filter.</summary>
    public FigureRow Compute(DateTime start, DateTime end, OracleGroup g)
    {
        var until = end < now ? end : now;
        bool In(DateTime at) => at >= start && at < until;
        int stock = 0, increment = 0, backlogIncrement = 0, resolved = 0, petitions = 0, high = 0, repeat = 0;
        int acceptedOnTime = 0, acceptanceDue = 0, concludedOnTime = 0, conclusionDue = 0, evaluated = 0, expired = 0, satisfied = 0;
        foreach (var c in cases)
        {
            if (Replay(c, until) && Matches(c, g, until, null))
            {
                stock++;
            }
            foreach (var p in c.Petitions.Where(p => In(p.ReceivedAt) && Matches(c, g, p.ReceivedAt, p)))
            {
                petitions++;
                high += p.Level is PetitionLevel.Province or PetitionLevel.National ? 1 : 0;
                repeat += p.IsFirst ? 0 : 1;
                increment += p.IsFirst ? 1 : 0;
            }
            DateTime? firstEntry = null;
            Replay(c, DateTime.MaxValue,
                beforeEvent: (e, inBacklog) =>
                {
                    if (e.Kind == CaseEventKind.Resolved && inBacklog && In(e.At) && Matches(c, g, e.At, null))
                    {
                        resolved++;
                    }
                },
                entered: at => firstEntry ??= at);
            if (firstEntry is { } entry && In(entry) && Matches(c, g, entry, null))
            {
                backlogIncrement++;
            }
            foreach (var (step, due, met) in Deadlines(c))
            {
                if (!In(due) || !Matches(c, g, due, null))
                {
                    continue;
                }
                var onTime = met is { } m && m <= due;
                switch (step)
                {
                    case DeadlineStep.Notice: acceptanceDue++; acceptedOnTime += onTime ? 1 : 0; break;
                    case DeadlineStep.Conclusion: conclusionDue++; concludedOnTime += onTime ? 1 : 0; break;
                    default: expired += onTime ? 0 : 1; break;
                }
            }
            foreach (var v in c.Evaluations.Where(v => In(v.At) && Matches(c, g, v.At, null)))
            {
                evaluated++;
                satisfied += v.Result == EvaluationResult.Dissatisfied ? 0 : 1;
            }
        }
        return new FigureRow(stock, increment, backlogIncrement, resolved, petitions, high, repeat,
            acceptedOnTime, acceptanceDue, concludedOnTime, conclusionDue, evaluated, evaluated + expired, satisfied);
    }

    /// <summary>
    /// Every step that fell due: the acceptance decision (unless the case was settled first), each conclusion after
    /// an acceptance or reopening (moved by an extension; dropped if the case was settled before it fell due), and
    /// an evaluation window after each written reply.
    /// </summary>
    private static IEnumerable<(DeadlineStep Step, DateTime Due, DateTime? Met)> Deadlines(Case c)
    {
        var events = c.Events.OrderBy(e => e.At).ThenBy(e => e.Id).ToList();
        var noticeDue = c.OpenedAt.AddDays(NoticeDays);
        var decision = events.FirstOrDefault(e => e.Kind is CaseEventKind.Accepted or CaseEventKind.Declined);
        var firstSettle = events.FirstOrDefault(e => e.Kind is CaseEventKind.Resolved or CaseEventKind.Terminated);
        if (!(decision is null && firstSettle is not null && firstSettle.At < noticeDue))
        {
            yield return (DeadlineStep.Notice, noticeDue, decision?.At);
        }
        for (var i = 0; i < events.Count; i++)
        {
            var start = events[i];
            if (start.Kind is CaseEventKind.Accepted or CaseEventKind.Reopened)
            {
                var due = start.At.AddDays(ConcludeDays);
                DateTime? met = null;
                var dropped = false;
                for (var j = i + 1; j < events.Count; j++)
                {
                    var e = events[j];
                    if (e.Kind is CaseEventKind.Accepted or CaseEventKind.Reopened)
                    {
                        break;
                    }
                    if (e.Kind == CaseEventKind.Extended)
                    {
                        due = e.DueAt ?? due.AddDays(ExtensionDays);
                    }
                    else if (e.Kind == CaseEventKind.Concluded)
                    {
                        met = e.At;
                        break;
                    }
                    else if (e.Kind is CaseEventKind.Resolved or CaseEventKind.Terminated)
                    {
                        dropped = e.At < due;
                        break;
                    }
                }
                if (!dropped)
                {
                    yield return (DeadlineStep.Conclusion, due, met);
                }
            }
            if (start.Kind is CaseEventKind.Concluded or CaseEventKind.Reviewed or CaseEventKind.ReReviewed)
            {
                var next = events.Skip(i + 1).TakeWhile(e => e.Kind is not (CaseEventKind.Concluded or CaseEventKind.Reviewed or CaseEventKind.ReReviewed));
                yield return (DeadlineStep.Evaluation, start.At.AddDays(EvaluationDays), next.FirstOrDefault(e => e.Kind == CaseEventKind.Evaluated)?.At);
            }
        }
    }
}
