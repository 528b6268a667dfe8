using System.Text.Json;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Cases;

/// <summary>Refused steps report why and change nothing; random step sequences always leave an explainable history.</summary>
public abstract class TransitionRuleTests(TestHost host)
{
    private static readonly DateTimeOffset Start = TestHost.Now.AddDays(-300);
    private readonly CaseActions _office = new(host);

    /// <summary>How to bring a fresh case into each status (the specification, written independently of the code).</summary>
    private static readonly Dictionary<string, (string Step, object? Input)[]> Paths = new()
    {
        ["REGISTERED"] = [],
        ["ACCEPTED"] = [("acceptCase", null)],
        ["DECLINED"] = [("declineCase", new { reason = "不属于受理范围" })],
        ["CONCLUDED"] = [("acceptCase", null), ("concludeCase", new { reply = "答复" })],
        ["UNDER_REVIEW"] = [("acceptCase", null), ("concludeCase", new { reply = "答复" }), ("requestReview", null)],
        ["REVIEWED"] = [("acceptCase", null), ("concludeCase", new { reply = "答复" }), ("requestReview", null), ("concludeReview", new { reply = "复查" })],
        ["UNDER_SECOND_REVIEW"] = [("acceptCase", null), ("concludeCase", new { reply = "答复" }), ("requestReview", null), ("concludeReview", new { reply = "复查" }), ("requestSecondReview", null)],
        ["SECOND_REVIEWED"] = [("acceptCase", null), ("concludeCase", new { reply = "答复" }), ("requestReview", null), ("concludeReview", new { reply = "复查" }), ("requestSecondReview", null), ("concludeSecondReview", new { reply = "复核" })],
        ["RESOLVED"] = [("acceptCase", null), ("resolveCase", null)],
        ["TERMINATED"] = [("acceptCase", null), ("concludeCase", new { reply = "答复" }), ("requestReview", null), ("concludeReview", new { reply = "复查" }), ("requestSecondReview", null), ("concludeSecondReview", new { reply = "复核" }), ("terminateCase", null)],
    };

    private static readonly string[] Open = ["ACCEPTED", "CONCLUDED", "UNDER_REVIEW", "REVIEWED", "UNDER_SECOND_REVIEW", "SECOND_REVIEWED"];

    /// <summary>Each step, a valid input for it, and the statuses it is allowed from.</summary>
    private static readonly (string Step, object? Input, string[] AllowedFrom)[] Steps =
    [
        ("acceptCase", null, ["REGISTERED"]),
        ("declineCase", new { reason = "理由" }, ["REGISTERED"]),
        ("extendCase", new { days = 10, reason = "复杂" }, ["ACCEPTED"]),
        ("concludeCase", new { reply = "答复" }, ["ACCEPTED"]),
        ("requestReview", null, ["CONCLUDED"]),
        ("concludeReview", new { reply = "复查" }, ["UNDER_REVIEW"]),
        ("requestSecondReview", null, ["REVIEWED"]),
        ("concludeSecondReview", new { reply = "复核" }, ["UNDER_SECOND_REVIEW"]),
        ("designateBacklog", new { source = "清单" }, ["REGISTERED", .. Open]),
        ("resolveCase", null, Open),
        ("reopenCase", new { reason = "新事实" }, ["RESOLVED", "CONCLUDED", "REVIEWED"]),
        ("terminateCase", null, ["SECOND_REVIEWED"]),
    ];

    public static TheoryData<string> Statuses() => new(Paths.Keys);

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task Every_step_not_allowed_from_a_status_is_refused_and_changes_nothing(string status)
    {
        using var clock = host.TravelTo(Start);
        var c = await BringToAsync(status);
        foreach (var (step, input, allowed) in Steps.Where(s => !s.AllowedFrom.Contains(status)))
        {
            var payload = await _office.StepAsync(step, c, input);
            var errors = payload.GetProperty("userErrors");
            Assert.True(errors.GetArrayLength() == 1, $"{step} from {status} was not refused");
            Assert.Equal("INVALID_STATE", errors[0].GetProperty("code").GetString());
            Assert.Equal(JsonValueKind.Null, payload.GetProperty("case").ValueKind);
            var after = await _office.ReadAsync(c);
            Assert.Equal((c.Version, c.Status), (after.Version, after.Status));
            Assert.Equal(CaseActions.EventKinds(c), CaseActions.EventKinds(after));
        }
    }

    [Fact]
    public async Task Time_limits_refuse_late_steps()
    {
        using var clock = host.TravelTo(Start);
        var c = await BringToAsync("CONCLUDED");
        host.Clock.Now = Start.AddDays(31);
        var late = await _office.StepAsync("requestReview", c);
        Assert.Equal("DEADLINE_PASSED", late.GetProperty("userErrors")[0].GetProperty("code").GetString());
        var lateEvaluation = await _office.StepAsync("recordEvaluation", c, new { result = "SATISFIED" });
        Assert.Equal("DEADLINE_PASSED", lateEvaluation.GetProperty("userErrors")[0].GetProperty("code").GetString());
        Assert.Equal(c.Version, (await _office.ReadAsync(c)).Version);

        host.Clock.Now = Start;
        var accepted = await BringToAsync("ACCEPTED");
        host.Clock.Now = Start.AddDays(61);
        var extension = await _office.StepAsync("extendCase", accepted, new { days = 30, reason = "迟了" });
        Assert.Equal("DEADLINE_PASSED", extension.GetProperty("userErrors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Evaluation_needs_a_reply_and_comes_once_per_reply()
    {
        using var clock = host.TravelTo(Start);
        var c = await BringToAsync("ACCEPTED");
        Assert.Equal("INVALID_STATE", (await _office.StepAsync("recordEvaluation", c, new { result = "SATISFIED" })).GetProperty("userErrors")[0].GetProperty("code").GetString());
        c = await _office.OkAsync("concludeCase", c, new { reply = "答复" });
        c = await _office.OkAsync("recordEvaluation", c, new { result = "BASICALLY_SATISFIED" });
        Assert.Equal("INVALID_STATE", (await _office.StepAsync("recordEvaluation", c, new { result = "SATISFIED" })).GetProperty("userErrors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Stale_versions_and_unknown_cases_are_refused()
    {
        using var clock = host.TravelTo(Start);
        var c = await BringToAsync("REGISTERED");
        var stale = await _office.StepAsync("acceptCase", c, expectedVersion: c.Version - 1);
        Assert.Equal("CONFLICT", stale.GetProperty("userErrors")[0].GetProperty("code").GetString());
        var missing = await _office.StepAsync("acceptCase", c with { Id = PetitionGraph.Api.GraphQL.Relay.GlobalId.Encode("Case", 9_999_999) });
        Assert.Equal("NOT_FOUND", missing.GetProperty("userErrors")[0].GetProperty("code").GetString());
        var notACase = await _office.StepAsync("acceptCase", c with { Id = PetitionGraph.Api.GraphQL.Relay.GlobalId.Encode("Leader", 1) });
        Assert.Equal("VALIDATION", notACase.GetProperty("userErrors")[0].GetProperty("code").GetString());
        Assert.Equal(c.Version, (await _office.ReadAsync(c)).Version);
    }

    [Fact]
    public async Task Random_step_sequences_never_leave_a_history_the_status_cannot_explain()
    {
        var random = new Random(11);
        for (var run = 0; run < 6; run++)
        {
            using var clock = host.TravelTo(Start);
            var c = await _office.RegisterAsync(Start);
            for (var i = 0; i < 25; i++)
            {
                host.Clock.Now = host.Clock.Now.AddHours(random.Next(1, 24 * 12));
                var (step, input, _) = Steps[random.Next(Steps.Length)];
                var payload = await _office.StepAsync(step, c, input);
                var after = await _office.ReadAsync(c);
                if (payload.GetProperty("userErrors").GetArrayLength() == 0)
                {
                    Assert.Equal(c.Version + 1, after.Version);
                    Assert.Equal(CaseActions.EventKinds(c).Count + 1, CaseActions.EventKinds(after).Count);
                }
                else
                {
                    Assert.Equal(c.Version, after.Version);
                    Assert.Equal(CaseActions.EventKinds(c), CaseActions.EventKinds(after));
                }
                Assert.Equal(StatusExplainedBy(CaseActions.EventKinds(after)), after.Status);
                c = after;
            }
        }
    }

    private static string StatusExplainedBy(List<string> events)
    {
        var last = events.Last(e => e is not ("DESIGNATED_BACKLOG" or "EXTENDED" or "EVALUATED" or "ACTIVITY_RECORDED"
            or "LEADER_ASSIGNED" or "LEADER_UNASSIGNED" or "CONFLICT_DECLARED"));
        return last switch
        {
            "REGISTERED" => "REGISTERED",
            "ACCEPTED" or "REOPENED" => "ACCEPTED",
            "DECLINED" => "DECLINED",
            "CONCLUDED" => "CONCLUDED",
            "REVIEW_REQUESTED" => "UNDER_REVIEW",
            "REVIEWED" => "REVIEWED",
            "RE_REVIEW_REQUESTED" => "UNDER_SECOND_REVIEW",
            "RE_REVIEWED" => "SECOND_REVIEWED",
            "RESOLVED" => "RESOLVED",
            "TERMINATED" => "TERMINATED",
            _ => throw new InvalidOperationException(last),
        };
    }

    private async Task<CaseView> BringToAsync(string status)
    {
        var c = await _office.RegisterAsync(Start);
        foreach (var (step, input) in Paths[status])
        {
            c = await _office.OkAsync(step, c, input);
        }
        Assert.Equal(status, c.Status);
        return c;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TransitionRuleTestsOnSqlite(SqliteHost host) : TransitionRuleTests(host);

[Collection(PostgresCollection.Name)]
public sealed class TransitionRuleTestsOnPostgres(PostgresHost host) : TransitionRuleTests(host);
