namespace PetitionGraph.Api.Cases.Lifecycle;

/// <summary>
/// Derives a case's status, deadlines and backlog intervals from its events — the events are the truth, these
/// columns are kept beside them (in the same transaction) so that filters and figures stay in SQL.
/// A step still pending has a due instant (<see cref="Case.NextDueAt"/>); if it passes first, the case enters
/// the backlog then, so the stored <see cref="Case.BacklogSince"/> may lie in the future until the step is done — the
/// API shows it only once it has passed (<see cref="CaseRules.BacklogSinceAt"/>).
/// </summary>
public static class CaseProjector
{
    public static void Project(Case c, IEnumerable<CaseEvent> events, TimeLimits limits)
    {
        var state = new State(c.OpenedAt);
        // Same instant: saved events by id, then events being added in the order they were added (OrderBy is stable).
        foreach (var e in events.OrderBy(e => e.At).ThenBy(e => e.Id == 0).ThenBy(e => e.Id))
        {
            state.PassDueBefore(e.At);
            state.Apply(e, limits);
        }
        state.PassDueBefore(DateTime.MaxValue);
        c.Status = state.Status;
        c.AcceptDueAt = c.OpenedAt.AddDays(limits.NoticeDays);
        c.AcceptedAt = state.AcceptedAt;
        c.ConcludeDueAt = state.ConcludeDueAt;
        c.ConcludedAt = state.ConcludedAt;
        c.RepliedAt = state.RepliedAt;
        c.ResolvedAt = state.ResolvedAt;
        c.TerminatedAt = state.TerminatedAt;
        c.NextDueAt = state.NextDueAt;
        c.Extended = state.Extended;
        var last = state.Intervals.LastOrDefault();
        c.BacklogSince = last?.EnteredAt;
        c.BacklogUntil = last?.LeftAt;
        SyncIntervals(c, state.Intervals);
        SyncDeadlines(c, state.Deadlines);
    }

    private static void SyncDeadlines(Case c, List<CaseDeadline> derived)
    {
        var same = c.Deadlines.Count == derived.Count
            && c.Deadlines.OrderBy(d => d.DueAt).ThenBy(d => d.Step).Zip(derived.OrderBy(d => d.DueAt).ThenBy(d => d.Step))
                .All(p => p.First.Step == p.Second.Step && p.First.DueAt == p.Second.DueAt && p.First.MetAt == p.Second.MetAt);
        if (same)
        {
            return;
        }
        c.Deadlines.Clear();
        c.Deadlines.AddRange(derived.Select(d => new CaseDeadline { CaseId = c.Id, Step = d.Step, DueAt = d.DueAt, MetAt = d.MetAt }));
    }

    /// <summary>Replaces the stored intervals only when they differ, so an unchanged history writes nothing.</summary>
    private static void SyncIntervals(Case c, List<CaseBacklogInterval> derived)
    {
        var same = c.BacklogIntervals.Count == derived.Count
            && c.BacklogIntervals.OrderBy(i => i.EnteredAt).Zip(derived).All(p => p.First.EnteredAt == p.Second.EnteredAt && p.First.LeftAt == p.Second.LeftAt);
        if (same)
        {
            return;
        }
        c.BacklogIntervals.Clear();
        c.BacklogIntervals.AddRange(derived.Select(i => new CaseBacklogInterval { CaseId = c.Id, EnteredAt = i.EnteredAt, LeftAt = i.LeftAt }));
    }

    private sealed class State(DateTime openedAt)
    {
        public CaseStatus Status { get; private set; } = CaseStatus.Registered;
        public DateTime? AcceptedAt { get; private set; }
        public DateTime? ConcludeDueAt { get; private set; }
        public DateTime? ConcludedAt { get; private set; }
        public DateTime? RepliedAt { get; private set; }
        public DateTime? ResolvedAt { get; private set; }
        public DateTime? TerminatedAt { get; private set; }
        public DateTime? NextDueAt { get; private set; }
        public DateTime? SettledAt { get; private set; }
        public List<CaseBacklogInterval> Intervals { get; } = [];
        public List<CaseDeadline> Deadlines { get; } = [];
        private CaseDeadline? _notice;
        private CaseDeadline? _conclusion;
        private CaseDeadline? _evaluation;
        private bool _everInBacklog;
        public bool Extended { get; private set; }

        /// <summary>A pending step whose due instant passed before <paramref name="instant"/> made the case overdue then.</summary>
        public void PassDueBefore(DateTime instant)
        {
            if (NextDueAt is { } due && due < instant && SettledAt is null)
            {
                Enter(due);
            }
        }

        public void Apply(CaseEvent e, TimeLimits limits)
        {
            Status = CaseStatuses.After(e.Kind) ?? Status;
            switch (e.Kind)
            {
                case CaseEventKind.Registered:
                    NextDueAt = openedAt.AddDays(limits.NoticeDays);
                    _notice ??= Due(DeadlineStep.Notice, NextDueAt.Value);
                    break;
                case CaseEventKind.Accepted:
                    AcceptedAt = e.At;
                    ConcludeDueAt = NextDueAt = e.At.AddDays(limits.ConcludeDays);
                    Met(ref _notice, e.At);
                    _conclusion = Due(DeadlineStep.Conclusion, NextDueAt.Value);
                    break;
                case CaseEventKind.Declined:
                    // 不予受理 closes the matter for this office: a late decline still counts against on-time acceptance
                    // (the notice was met late) and takes the case out of the backlog when it is made (DESIGN §6).
                    NextDueAt = null;
                    Met(ref _notice, e.At);
                    SettledAt = e.At;
                    Leave(e.At);
                    break;
                case CaseEventKind.Extended:
                    // Only a pending conclusion can be extended; the mutation refuses anything else.
                    if (_conclusion is null)
                    {
                        break;
                    }
                    Extended = true;
                    ConcludeDueAt = NextDueAt = _conclusion.DueAt = e.DueAt ?? _conclusion.DueAt.AddDays(limits.MaxExtensionDays);
                    break;
                case CaseEventKind.Concluded:
                    ConcludedAt = RepliedAt = e.At;
                    NextDueAt = null;
                    Met(ref _conclusion, e.At);
                    Replied(e.At, limits);
                    break;
                case CaseEventKind.ReviewRequested:
                    NextDueAt = e.At.AddDays(limits.ReviewAnswerDays);
                    break;
                case CaseEventKind.Reviewed:
                    RepliedAt = e.At;
                    NextDueAt = null;
                    Replied(e.At, limits);
                    break;
                case CaseEventKind.ReReviewRequested:
                    NextDueAt = e.At.AddDays(limits.ReviewAnswerDays);
                    break;
                case CaseEventKind.ReReviewed:
                    RepliedAt = e.At;
                    NextDueAt = null;
                    Replied(e.At, limits);
                    break;
                case CaseEventKind.DesignatedBacklog:
                    if (SettledAt is null)
                    {
                        Enter(e.At);
                    }
                    break;
                case CaseEventKind.Resolved:
                    ResolvedAt = SettledAt = e.At;
                    NextDueAt = null;
                    Leave(e.At);
                    Settled(e.At);
                    break;
                case CaseEventKind.Terminated:
                    TerminatedAt = SettledAt = e.At;
                    NextDueAt = null;
                    Leave(e.At);
                    Settled(e.At);
                    break;
                case CaseEventKind.Reopened:
                    ResolvedAt = SettledAt = null;
                    if (_everInBacklog)
                    {
                        // Once designated or overdue, a case is in the backlog whenever it is not resolved (DESIGN §6).
                        Enter(e.At);
                    }
                    ConcludedAt = null;
                    Extended = false;
                    ConcludeDueAt = NextDueAt = e.At.AddDays(limits.ConcludeDays);
                    _conclusion = Due(DeadlineStep.Conclusion, NextDueAt.Value);
                    break;
                case CaseEventKind.Evaluated:
                    Met(ref _evaluation, e.At);
                    break;
            }
        }

        private CaseDeadline Due(DeadlineStep step, DateTime dueAt)
        {
            var deadline = new CaseDeadline { Step = step, DueAt = dueAt };
            Deadlines.Add(deadline);
            return deadline;
        }

        private static void Met(ref CaseDeadline? pending, DateTime at)
        {
            if (pending is not null)
            {
                pending.MetAt = at;
                pending = null;
            }
        }

        /// <summary>Each written reply opens an evaluation window; an unused earlier window stays unevaluated.</summary>
        private void Replied(DateTime at, TimeLimits limits) =>
            _evaluation = Due(DeadlineStep.Evaluation, at.AddDays(limits.EvaluationWindowDays));

        /// <summary>A notice or conclusion still pending when the case is settled is no longer due — unless its due instant has already passed.</summary>
        private void Settled(DateTime at)
        {
            foreach (var pending in new[] { _notice, _conclusion })
            {
                if (pending is not null && pending.DueAt > at)
                {
                    Deadlines.Remove(pending);
                }
            }
            _notice = _conclusion = null;
        }

        private void Enter(DateTime instant)
        {
            _everInBacklog = true;
            if (SettledAt is null && (Intervals.Count == 0 || Intervals[^1].LeftAt is not null))
            {
                Intervals.Add(new CaseBacklogInterval { EnteredAt = instant });
            }
        }

        private void Leave(DateTime instant)
        {
            if (Intervals.Count > 0 && Intervals[^1].LeftAt is null)
            {
                Intervals[^1].LeftAt = instant;
            }
        }
    }
}
