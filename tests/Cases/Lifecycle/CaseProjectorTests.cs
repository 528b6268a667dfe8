using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Cases.Lifecycle;

namespace PetitionGraph.Tests.Cases.Lifecycle;

/// <summary>The derivation of status, deadlines and backlog spans from events (pure: no database).</summary>
public sealed class CaseProjectorTests
{
    private static readonly DateTime Day0 = new(2025, 3, 1, 2, 0, 0, DateTimeKind.Utc);

    private static Case Project(params (int Day, CaseEventKind Kind)[] history)
    {
        var c = new Case { Number = "2025-0001", Title = "t", Demand = "d", OpenedAt = Day0 };
        var id = 0;
        var events = history.Select(h => new CaseEvent { Id = ++id, At = Day0.AddDays(h.Day), Kind = h.Kind, Actor = "test" }).ToList();
        CaseProjector.Project(c, events, TimeLimits.Default);
        return c;
    }

    [Fact]
    public void A_case_decided_and_concluded_in_time_never_enters_the_backlog()
    {
        var c = Project((0, CaseEventKind.Registered), (3, CaseEventKind.Accepted), (40, CaseEventKind.Concluded), (50, CaseEventKind.Resolved));
        Assert.Equal(CaseStatus.Resolved, c.Status);
        Assert.Empty(c.BacklogIntervals);
        Assert.Null(c.BacklogSince);
    }

    [Fact]
    public void A_late_acceptance_puts_the_case_in_the_backlog_from_the_notice_deadline_until_it_is_resolved()
    {
        var c = Project((0, CaseEventKind.Registered), (20, CaseEventKind.Accepted), (40, CaseEventKind.Concluded), (50, CaseEventKind.Resolved));
        var span = Assert.Single(c.BacklogIntervals);
        Assert.Equal(Day0.AddDays(15), span.EnteredAt);
        Assert.Equal(Day0.AddDays(50), span.LeftAt);
    }

    [Fact]
    public void A_pending_step_has_a_future_backlog_entry_at_its_due_instant()
    {
        var c = Project((0, CaseEventKind.Registered), (3, CaseEventKind.Accepted));
        Assert.Equal(Day0.AddDays(63), c.NextDueAt);
        Assert.Equal(Day0.AddDays(63), Assert.Single(c.BacklogIntervals).EnteredAt);
        Assert.False(c.InBacklogAt(Day0.AddDays(62)));
        Assert.True(c.InBacklogAt(Day0.AddDays(64)));
    }

    [Fact]
    public void A_reopened_backlog_case_is_in_the_backlog_again_but_not_in_between()
    {
        var c = Project((0, CaseEventKind.Registered), (2, CaseEventKind.Accepted), (10, CaseEventKind.DesignatedBacklog),
            (30, CaseEventKind.Resolved), (90, CaseEventKind.Reopened), (100, CaseEventKind.Resolved));
        Assert.Equal([(Day0.AddDays(10), (DateTime?)Day0.AddDays(30)), (Day0.AddDays(90), Day0.AddDays(100))],
            c.BacklogIntervals.Select(i => (i.EnteredAt, i.LeftAt)));
        Assert.Equal(Day0.AddDays(90), c.BacklogSince);
    }

    [Fact]
    public void Re_deriving_an_unchanged_history_keeps_the_same_interval_objects()
    {
        var c = Project((0, CaseEventKind.Registered), (20, CaseEventKind.Accepted));
        var before = c.BacklogIntervals.ToList();
        CaseProjector.Project(c, [new CaseEvent { Id = 1, At = Day0, Kind = CaseEventKind.Registered, Actor = "t" },
            new CaseEvent { Id = 2, At = Day0.AddDays(20), Kind = CaseEventKind.Accepted, Actor = "t" }], TimeLimits.Default);
        Assert.Same(before[0], c.BacklogIntervals[0]);
    }
}
