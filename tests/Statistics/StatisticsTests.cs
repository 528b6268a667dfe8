using System.Text.Json;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.GraphQL.Relay;
using PetitionGraph.Tests.Cases;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Statistics;

/// <summary>
/// The statistics query against the naive oracle (random periods, intervals, groupings and filters), bucket edges at
/// office midnight, and the promise that a past bucket never changes when history is added today.
/// </summary>
public abstract class StatisticsTests(TestHost host)
{
    private const string Figures = """
        label start end category { id } village { id } leader { id } channel level
        stock increment backlogIncrement resolved petitions highLevelPetitions
        repeatPetitionRate { numerator denominator value } onTimeAcceptanceRate { numerator denominator }
        onTimeConclusionRate { numerator denominator } evaluationRate { numerator denominator } satisfactionRate { numerator denominator }
        """;

    private static readonly string[] Dimensions = ["CATEGORY", "VILLAGE", "LEADER", "CHANNEL", "LEVEL"];
    private static readonly string[] Intervals = ["DAY", "WEEK", "MONTH", "QUARTER", "YEAR"];

    /// <summary>Case filters an analyst might add, and what each means.</summary>
    private static readonly (object? Where, Func<Case, bool> Means)[] Filters =
    [
        (null, _ => true),
        (new { category = new { code = new { eq = "LAND" } } }, c => c.Category!.Code == "LAND"),
        (new { status = new { @in = new[] { "RESOLVED", "TERMINATED" } } }, c => c.Status is CaseStatus.Resolved or CaseStatus.Terminated),
        (new { petitionCount = new { gte = 3 } }, c => c.PetitionCount >= 3),
    ];

    [Fact]
    public async Task Random_queries_agree_with_the_naive_reference()
    {
        var cases = await CaseOracle.LoadAsync(host);
        var random = new Random(611);
        for (var round = 0; round < 10; round++)
        {
            var interval = Intervals[random.Next(Intervals.Length)];
            var span = interval switch { "DAY" => 40, "WEEK" => 150, "MONTH" => 500, _ => 1500 };
            var from = new DateTime(2019, 6, 1).AddDays(random.Next(0, 2700)).AddHours(random.Next(0, 24));
            var to = from.AddDays(random.Next(1, span));
            var groupBy = Dimensions.OrderBy(_ => random.Next()).Take(random.Next(0, 3)).ToArray();
            var (where, means) = Filters[random.Next(Filters.Length)];
            await AssertAgreesAsync(cases.Where(means).ToList(), from.ToString("yyyy-MM-ddTHH:mm:ss"), to.ToString("yyyy-MM-ddTHH:mm:ss"),
                interval, groupBy, where, $"round {round}: {interval} {from:u}..{to:u} by [{string.Join(",", groupBy)}]");
        }
    }

    /// <summary>
    /// Groupings by the case's own category or village (or none) are counted in one statement over the union of
    /// every family's facts; the others, a statement per family. Each shape, with and without a case filter.
    /// </summary>
    [Fact]
    public async Task Every_grouping_shape_agrees_with_the_naive_reference()
    {
        var cases = await CaseOracle.LoadAsync(host);
        string[][] groupings = [[], ["CATEGORY"], ["VILLAGE"], ["CATEGORY", "VILLAGE"], ["LEADER"], ["CHANNEL"], ["LEVEL"], ["VILLAGE", "LEVEL"]];
        foreach (var (groupBy, index) in groupings.Select((g, i) => (g, i)))
        {
            var (where, means) = Filters[index % Filters.Length];
            await AssertAgreesAsync(cases.Where(means).ToList(), "2024-03-01", "2026-03-01", "QUARTER", groupBy, where,
                $"by [{string.Join(",", groupBy)}], filter {index % Filters.Length}");
        }
    }

    [Fact]
    public async Task Monthly_figures_by_category_agree_with_the_naive_reference()
    {
        var cases = await CaseOracle.LoadAsync(host);
        await AssertAgreesAsync(cases, "2025-01-01", "2026-01-01", "MONTH", ["CATEGORY"], null, "2025 by category");
    }

    [Fact]
    public async Task Buckets_are_office_calendar_days()
    {
        var actions = new CaseActions(host);
        // 2026-10-31 23:59:59 and 2026-11-01 00:00:00 in Asia/Shanghai: one second apart, two calendar days.
        var late = await actions.RegisterAsync(new DateTimeOffset(2026, 10, 31, 15, 59, 59, TimeSpan.Zero));
        var midnight = await actions.RegisterAsync(new DateTimeOffset(2026, 10, 31, 16, 0, 0, TimeSpan.Zero));
        var data = await host.Client.QueryAsync("""
            query($numbers: [String!]) {
              statistics(from: "2026-10-31", to: "2026-11-02", interval: DAY, where: { number: { in: $numbers } }) {
                timeZone buckets { label start increment petitions }
              }
            }
            """, new { numbers = new[] { late.Number, midnight.Number } });
        var statistics = data.GetProperty("statistics");
        Assert.Equal("Asia/Shanghai", statistics.GetProperty("timeZone").GetString());
        var buckets = statistics.GetProperty("buckets").EnumerateArray().ToList();
        Assert.Equal(["2026-10-31", "2026-11-01"], buckets.Select(b => b.GetProperty("label").GetString()!));
        Assert.Equal("2026-11-01T00:00:00+08:00", buckets[1].GetProperty("start").GetString());
        Assert.Equal([1, 1], buckets.Select(b => b.GetProperty("increment").GetInt32()));

        var cases = await CaseOracle.LoadAsync(host);
        await AssertAgreesAsync(cases, "2026-10-30", "2026-11-02", "DAY", ["CHANNEL"], null, "around office midnight");
    }

    [Fact]
    public async Task A_past_bucket_never_changes_when_history_is_added_later()
    {
        const string query = "{ statistics(from: \"2024-01-01\", to: \"2027-01-01\", interval: MONTH, groupBy: [CATEGORY]) { buckets { " + Figures + " } } }";
        var before = await host.Client.QueryAsync(query);
        var actions = new CaseActions(host);
        var later = TestHost.Now.AddDays(45);
        using (host.TravelTo(later))
        {
            // Today's work on cases of every kind: new petitions and cases, decisions, designations, resolutions.
            var fresh = await actions.RegisterAsync(later.AddHours(-1));
            await actions.OkAsync("acceptCase", fresh);
            var open = await OpenCasesAsync(6);
            foreach (var (subject, i) in open.Select((c, i) => (c, i)))
            {
                var step = i % 3 == 0 ? "designateBacklog" : i % 3 == 1 ? "resolveCase" : "acceptCase";
                await actions.StepAsync(step, subject, step == "designateBacklog" ? new { source = "上级交办" } : null);
                await actions.RegisterRawAsync(later.AddMinutes(-i), subject.Number);
            }
            var after = await host.Client.QueryAsync(query);
            var pastBefore = Past(before);
            var pastAfter = Past(after);
            Assert.NotEmpty(pastBefore);
            Assert.Equal(pastBefore.Count, pastAfter.Count);
            var changed = pastBefore.Zip(pastAfter).FirstOrDefault(p => p.First != p.Second);
            Assert.True(changed == default, $"a past bucket changed:\n before {changed.First}\n after  {changed.Second}");
            Assert.NotEqual(before.ToString(), after.ToString());
        }
    }

    [Fact]
    public async Task Stock_at_an_instant_agrees_with_the_buckets_and_keyCases_counts_every_class()
    {
        var data = await host.Client.QueryAsync("""
            {
              stockAt(at: "2025-07-01", groupBy: [VILLAGE]) { stock village { id } }
              statistics(from: "2025-06-01", to: "2025-07-01") { buckets { stock } }
              keyCases { keyClass count description }
              all: cases(where: { keyClass: { in: [1, 2, 3, 4, 5] } }) { totalCount }
            }
            """);
        var byVillage = data.GetProperty("stockAt").EnumerateArray().Sum(g => g.GetProperty("stock").GetInt32());
        Assert.Equal(data.GetProperty("statistics").GetProperty("buckets")[0].GetProperty("stock").GetInt32(), byVillage);
        var cases = await CaseOracle.LoadAsync(host);
        Assert.Equal(new FigureOracle(cases, TestHost.Now.UtcDateTime).Compute(DateTime.MinValue, Utc("2025-07-01"), new OracleGroup(null, null, null, null, null)).Stock, byVillage);
        var classes = data.GetProperty("keyCases").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3, 4, 5], classes.Select(k => k.GetProperty("keyClass").GetInt32()));
        Assert.Equal(data.GetProperty("all").GetProperty("totalCount").GetInt32(), classes.Sum(k => k.GetProperty("count").GetInt32()));
        foreach (var k in classes)
        {
            var expected = cases.Count(c => KeyClassRules.Default.At(c, TestHost.Now.UtcDateTime) == k.GetProperty("keyClass").GetInt32());
            Assert.Equal(expected, k.GetProperty("count").GetInt32());
        }
    }

    [Theory]
    [InlineData("from: \"2025-02-01\", to: \"2025-01-01\"", "INVALID_ARGUMENT")]
    [InlineData("from: \"2000-01-01\", to: \"2025-01-01\", interval: DAY", "INVALID_ARGUMENT")]
    [InlineData("from: \"2025-01-01\", to: \"2025-02-01\", groupBy: [CATEGORY, VILLAGE, LEADER]", "INVALID_ARGUMENT")]
    [InlineData("from: \"not a date\", to: \"2025-02-01\"", null)]
    public async Task Bad_periods_are_refused_with_a_code(string arguments, string? code)
    {
        var response = await host.Client.PostAsync($"{{ statistics({arguments}) {{ buckets {{ stock }} }} }}");
        Assert.True(response.HasErrors);
        if (code is not null)
        {
            Assert.Equal(code, response.ErrorCodes[0]);
        }
        Assert.DoesNotContain("INTERNAL_ERROR", response.ErrorCodes);
    }

    private async Task AssertAgreesAsync(IReadOnlyList<Case> cases, string from, string to, string interval, string[] groupBy, object? where, string context)
    {
        var data = await host.Client.QueryAsync($$"""
            query($where: CaseFilterInput, $groupBy: [StatisticsDimension!]) {
              statistics(from: "{{from}}", to: "{{to}}", interval: {{interval}}, groupBy: $groupBy, where: $where) { asOf buckets { {{Figures}} } }
            }
            """, new { where, groupBy });
        var oracle = new FigureOracle(cases, TestHost.Now.UtcDateTime);
        var buckets = data.GetProperty("statistics").GetProperty("buckets").EnumerateArray().ToList();
        Assert.NotEmpty(buckets);
        var groups = buckets.Select(b => Group(b, groupBy)).Distinct().Count();
        Assert.Equal(buckets.Count / groups * groups, buckets.Count);
        foreach (var bucket in buckets)
        {
            var start = DateTimeOffset.Parse(bucket.GetProperty("start").GetString()!).UtcDateTime;
            var end = DateTimeOffset.Parse(bucket.GetProperty("end").GetString()!).UtcDateTime;
            var group = Group(bucket, groupBy);
            var expected = oracle.Compute(start, end, group);
            var actual = Read(bucket);
            Assert.True(expected == actual, $"{context}: bucket {bucket.GetProperty("label")} group {group}:\n expected {expected}\n actual   {actual}");
        }
    }

    private static OracleGroup Group(JsonElement bucket, string[] groupBy)
    {
        int? Id(string field) => groupBy.Contains(field.ToUpperInvariant()) ? GlobalId.Decode(bucket.GetProperty(field).GetProperty("id").GetString()!).Id : null;
        string? Text(string field) => groupBy.Contains(field.ToUpperInvariant()) ? bucket.GetProperty(field).GetString() : null;
        return new OracleGroup(Id("category"), Id("village"), Id("leader"), Text("channel"), Text("level"));
    }

    private static FigureRow Read(JsonElement b)
    {
        int N(string f) => b.GetProperty(f).GetInt32();
        int Num(string f) => b.GetProperty(f).GetProperty("numerator").GetInt32();
        int Den(string f) => b.GetProperty(f).GetProperty("denominator").GetInt32();
        Assert.Equal(N("petitions"), Den("repeatPetitionRate"));
        Assert.Equal(Num("evaluationRate"), Den("satisfactionRate"));
        return new FigureRow(N("stock"), N("increment"), N("backlogIncrement"), N("resolved"), N("petitions"), N("highLevelPetitions"),
            Num("repeatPetitionRate"), Num("onTimeAcceptanceRate"), Den("onTimeAcceptanceRate"), Num("onTimeConclusionRate"),
            Den("onTimeConclusionRate"), Num("evaluationRate"), Den("evaluationRate"), Num("satisfactionRate"));
    }

    /// <summary>The buckets that had ended at the original now, as text.</summary>
    private static List<string> Past(JsonElement data) =>
        data.GetProperty("statistics").GetProperty("buckets").EnumerateArray()
            .Where(b => DateTimeOffset.Parse(b.GetProperty("end").GetString()!) <= TestHost.Now)
            .Select(b => b.ToString()).ToList();

    private async Task<List<CaseView>> OpenCasesAsync(int count)
    {
        var data = await host.Client.QueryAsync($"{{ cases(first: {count}, where: {{ status: {{ eq: ACCEPTED }}, number: {{ startsWith: \"202\" }} }}, order: [{{ openedAt: DESC }}]) {{ nodes {{ {CaseActions.CaseFields} }} }} }}");
        return data.GetProperty("cases").GetProperty("nodes").EnumerateArray().Select(CaseView.From).ToList();
    }

    private static DateTime Utc(string officeDate) => DateTimeOffset.Parse(officeDate + "T00:00:00+08:00").UtcDateTime;
}

[Collection(SqliteCollection.Name)]
public sealed class StatisticsTestsOnSqlite(SqliteHost host) : StatisticsTests(host);

[Collection(PostgresCollection.Name)]
public sealed class StatisticsTestsOnPostgres(PostgresHost host) : StatisticsTests(host);
