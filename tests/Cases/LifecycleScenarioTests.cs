using Microsoft.EntityFrameworkCore;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Cases;

/// <summary>Each path through the lifecycle, over HTTP, checking events, status, deadlines and derived fields.</summary>
public abstract class LifecycleScenarioTests(TestHost host)
{
    private static readonly DateTimeOffset Day0 = TestHost.Now.AddDays(-200);
    private readonly CaseActions _office = new(host);

    [Fact]
    public async Task Accepted_concluded_evaluated_satisfied_and_resolved()
    {
        using var clock = host.TravelTo(Day0.AddHours(2));
        var c = await _office.RegisterAsync(Day0);
        Assert.Equal("REGISTERED", c.Status);
        Assert.Equal(Day0.AddDays(15).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:ss"), c.Text("acceptDueAt")![..19]);
        Assert.Equal(c.Text("acceptDueAt"), c.Text("nextDueAt"));

        host.Clock.Now = Day0.AddDays(3);
        c = await _office.OkAsync("acceptCase", c);
        Assert.Equal("ACCEPTED", c.Status);
        Assert.Equal(Day0.AddDays(63).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd"), c.Text("concludeDueAt")![..10]);

        host.Clock.Now = Day0.AddDays(40);
        c = await _office.OkAsync("concludeCase", c, new { reply = "经核实，已协调施工单位恢复通行" });
        Assert.Equal("CONCLUDED", c.Status);
        Assert.Null(c.Text("nextDueAt"));

        host.Clock.Now = Day0.AddDays(45);
        c = await _office.OkAsync("recordEvaluation", c, new { result = "SATISFIED" });
        host.Clock.Now = Day0.AddDays(50);
        c = await _office.OkAsync("resolveCase", c, new { note = "停访息诉" });
        Assert.Equal("RESOLVED", c.Status);
        Assert.False(c.Raw.GetProperty("inBacklog").GetBoolean());
        Assert.Null(c.Text("backlogSince"));
        Assert.Equal(["REGISTERED", "ACCEPTED", "CONCLUDED", "EVALUATED", "RESOLVED"], CaseActions.EventKinds(c));
        Assert.Equal(5, c.Version);
    }

    /// <summary>DESIGN §6: a decline closes the matter (also a late one), and backlogSince is never a future instant.</summary>
    [Fact]
    public async Task A_late_decline_takes_the_case_out_of_the_backlog_and_backlog_since_is_never_ahead_of_now()
    {
        using var clock = host.TravelTo(Day0.AddDays(2));
        var c = await _office.RegisterAsync(Day0);
        // The notice falls due on day 15: before that the case has not entered the backlog, and nothing says it has.
        Assert.Null(c.Text("backlogSince"));
        Assert.False(c.Raw.GetProperty("inBacklog").GetBoolean());
        Assert.Equal(0, await CountAsync(c, "backlogSince: { neq: null }"));

        host.Clock.Now = Day0.AddDays(20);
        c = await _office.ReadAsync(c);
        Assert.True(c.Raw.GetProperty("inBacklog").GetBoolean());
        Assert.StartsWith(Day0.AddDays(15).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm"), c.Text("backlogSince"), StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(c, "backlogSince: { neq: null }"));

        host.Clock.Now = Day0.AddDays(25);
        c = await _office.OkAsync("declineCase", c, new { reason = "属于诉讼程序", routeTo = "区人民法院" });
        Assert.Equal("DECLINED", c.Status);
        Assert.False(c.Raw.GetProperty("inBacklog").GetBoolean());
        Assert.Equal(0, await CountAsync(c, "inBacklog: { eq: true }"));
        host.Clock.Now = Day0.AddDays(30);
        Assert.Equal(1, await StockAsync(c, Day0.AddDays(22)));
        Assert.Equal(0, await StockAsync(c, Day0.AddDays(26)));
    }

    private async Task<int> CountAsync(CaseView c, string condition) =>
        (await host.Client.QueryAsync($"query($n: String!) {{ cases(where: {{ number: {{ eq: $n }}, {condition} }}) {{ totalCount }} }}", new { n = c.Number }))
            .GetProperty("cases").GetProperty("totalCount").GetInt32();

    private async Task<int> StockAsync(CaseView c, DateTimeOffset at) =>
        (await host.Client.QueryAsync("query($n: String!, $at: DateTime) { stockAt(at: $at, where: { number: { eq: $n } }) { stock } }", new { n = c.Number, at = at.ToString("O") }))
            .GetProperty("stockAt")[0].GetProperty("stock").GetInt32();

    [Fact]
    public async Task Declined_with_a_reason_and_where_to_turn()
    {
        using var clock = host.TravelTo(Day0.AddDays(2));
        var c = await _office.RegisterAsync(Day0);
        var refused = await _office.StepAsync("declineCase", c, new { reason = "" });
        Assert.Equal("VALIDATION", refused.GetProperty("userErrors")[0].GetProperty("code").GetString());
        c = await _office.OkAsync("declineCase", c, new { reason = "属于诉讼程序", routeTo = "区人民法院" });
        Assert.Equal("DECLINED", c.Status);
        Assert.Null(c.Text("nextDueAt"));
        Assert.False(c.Raw.GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task Extended_once_moves_the_conclusion_limit()
    {
        using var clock = host.TravelTo(Day0.AddDays(1));
        var c = await _office.OkAsync("acceptCase", await _office.RegisterAsync(Day0));
        var due = DateTimeOffset.Parse(c.Text("concludeDueAt")!, System.Globalization.CultureInfo.InvariantCulture);
        host.Clock.Now = Day0.AddDays(50);
        c = await _office.OkAsync("extendCase", c, new { days = 30, reason = "涉及多部门，情况复杂" });
        Assert.Equal(due.AddDays(30), DateTimeOffset.Parse(c.Text("concludeDueAt")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(c.Raw.GetProperty("extended").GetBoolean());

        var again = await _office.StepAsync("extendCase", c, new { days = 5, reason = "再延" });
        Assert.Equal("INVALID_STATE", again.GetProperty("userErrors")[0].GetProperty("code").GetString());
        Assert.Equal(c.Version, (await _office.ReadAsync(c)).Version);
    }

    [Fact]
    public async Task Reviewed_twice_then_terminated_and_nothing_after()
    {
        using var clock = host.TravelTo(Day0.AddDays(1));
        var c = await _office.OkAsync("acceptCase", await _office.RegisterAsync(Day0));
        host.Clock.Now = Day0.AddDays(30);
        c = await _office.OkAsync("concludeCase", c, new { reply = "答复" });
        host.Clock.Now = Day0.AddDays(50);
        c = await _office.OkAsync("requestReview", c);
        Assert.Equal("UNDER_REVIEW", c.Status);
        Assert.NotNull(c.Text("nextDueAt"));
        host.Clock.Now = Day0.AddDays(70);
        c = await _office.OkAsync("concludeReview", c, new { reply = "复查维持" });
        host.Clock.Now = Day0.AddDays(80);
        c = await _office.OkAsync("requestSecondReview", c);
        host.Clock.Now = Day0.AddDays(100);
        c = await _office.OkAsync("concludeSecondReview", c, new { reply = "复核维持" });
        Assert.Equal("SECOND_REVIEWED", c.Status);
        c = await _office.OkAsync("terminateCase", c);
        Assert.Equal("TERMINATED", c.Status);
        Assert.NotNull(c.Text("terminatedAt"));

        var repeat = await _office.RegisterRawAsync(Day0.AddDays(100), c.Number);
        Assert.Equal("INVALID_STATE", repeat.GetProperty("userErrors")[0].GetProperty("code").GetString());
        var reopen = await _office.StepAsync("reopenCase", c, new { reason = "再访" });
        Assert.Equal("INVALID_STATE", reopen.GetProperty("userErrors")[0].GetProperty("code").GetString());
        Assert.Contains("终结", reopen.GetProperty("userErrors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        await _office.OkAsync("recordActivity", c, new { kind = "ASSISTANCE", summary = "协助申请临时救助" });
        var meeting = await _office.StepAsync("recordActivity", c, new { kind = "COORDINATION_MEETING", summary = "协调会" });
        Assert.Equal("INVALID_STATE", meeting.GetProperty("userErrors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Designated_backlog_then_resolved()
    {
        using var clock = host.TravelTo(Day0.AddDays(1));
        var c = await _office.OkAsync("acceptCase", await _office.RegisterAsync(Day0));
        host.Clock.Now = Day0.AddDays(10);
        c = await _office.OkAsync("designateBacklog", c, new { source = "区信访局交办积案清单" });
        Assert.True(c.Raw.GetProperty("inBacklog").GetBoolean());
        Assert.StartsWith(Day0.AddDays(10).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd"), c.Text("backlogSince"), StringComparison.Ordinal);
        var twice = await _office.StepAsync("designateBacklog", c, new { source = "again" });
        Assert.Equal("INVALID_STATE", twice.GetProperty("userErrors")[0].GetProperty("code").GetString());
        host.Clock.Now = Day0.AddDays(30);
        c = await _office.OkAsync("resolveCase", c);
        Assert.False(c.Raw.GetProperty("inBacklog").GetBoolean());
        Assert.NotNull(c.Text("backlogSince"));
    }

    [Fact]
    public async Task A_backlog_case_resolved_and_reopened_is_in_the_backlog_again_but_not_in_between()
    {
        using var clock = host.TravelTo(Day0.AddDays(1));
        var c = await _office.OkAsync("acceptCase", await _office.RegisterAsync(Day0));
        host.Clock.Now = Day0.AddDays(10);
        c = await _office.OkAsync("designateBacklog", c, new { source = "清单" });
        host.Clock.Now = Day0.AddDays(30);
        c = await _office.OkAsync("resolveCase", c);
        host.Clock.Now = Day0.AddDays(90);
        c = await _office.OkAsync("reopenCase", c, new { reason = "和解未履行" });
        Assert.True(c.Raw.GetProperty("inBacklog").GetBoolean());
        await using var scope = host.Scope();
        var spans = await scope.ServiceProvider.GetRequiredService<PetitionGraph.Api.Data.PetitionDbContext>().CaseBacklogIntervals
            .Where(i => i.Case!.Number == c.Number).OrderBy(i => i.EnteredAt).ToListAsync();
        Assert.Equal(2, spans.Count);
        Assert.Equal(Day0.AddDays(30).UtcDateTime, spans[0].LeftAt);
        Assert.Equal(Day0.AddDays(90).UtcDateTime, spans[1].EnteredAt);
        Assert.Null(spans[1].LeftAt);
    }

    [Fact]
    public async Task An_unanswered_case_becomes_overdue_and_enters_the_backlog_at_its_due_date()
    {
        using var clock = host.TravelTo(Day0.AddHours(1));
        var c = await _office.RegisterAsync(Day0);
        Assert.False(c.Raw.GetProperty("overdue").GetBoolean());
        Assert.False(c.Raw.GetProperty("inBacklog").GetBoolean());
        host.Clock.Now = Day0.AddDays(20);
        c = await _office.ReadAsync(c);
        Assert.True(c.Raw.GetProperty("overdue").GetBoolean());
        Assert.Equal(5, c.Raw.GetProperty("daysOverdue").GetInt32());
        Assert.True(c.Raw.GetProperty("inBacklog").GetBoolean());
        c = await _office.OkAsync("acceptCase", c);
        Assert.False(c.Raw.GetProperty("overdue").GetBoolean());
        Assert.True(c.Raw.GetProperty("inBacklog").GetBoolean()); // accepted late: stays in backlog until resolved
    }

    [Fact]
    public async Task A_repeat_petition_after_the_reply_and_the_case_is_reopened()
    {
        using var clock = host.TravelTo(Day0.AddDays(1));
        var c = await _office.OkAsync("acceptCase", await _office.RegisterAsync(Day0));
        host.Clock.Now = Day0.AddDays(20);
        c = await _office.OkAsync("concludeCase", c, new { reply = "答复" });
        host.Clock.Now = Day0.AddDays(60);
        c = await _office.RegisterAsync(Day0.AddDays(60), c.Number, level: "NATIONAL");
        Assert.Equal(2, c.Raw.GetProperty("petitionCount").GetInt32());
        Assert.Equal(1, c.Raw.GetProperty("highLevelPetitionCount").GetInt32());
        Assert.Equal(3, c.Raw.GetProperty("keyClass").GetInt32());
        c = await _office.OkAsync("reopenCase", c, new { reason = "信访人提出新的事实" });
        Assert.Equal("ACCEPTED", c.Status);
        Assert.Null(c.Text("concludedAt"));
        Assert.Equal(Day0.AddDays(120).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd"), c.Text("concludeDueAt")![..10]);
        Assert.Equal(["REGISTERED", "ACCEPTED", "CONCLUDED", "REOPENED"], CaseActions.EventKinds(c));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class LifecycleScenarioTestsOnSqlite(SqliteHost host) : LifecycleScenarioTests(host);

[Collection(PostgresCollection.Name)]
public sealed class LifecycleScenarioTestsOnPostgres(PostgresHost host) : LifecycleScenarioTests(host);
