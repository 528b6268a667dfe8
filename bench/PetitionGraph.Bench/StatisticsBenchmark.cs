using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Npgsql;

namespace PetitionGraph.Bench;

/// <summary>
/// Issue #4's figures at scale: <c>statistics(interval: MONTH, groupBy: [CATEGORY])</c> with every figure over twelve
/// office-calendar months, against one hand-written SQL statement that computes the same numbers (checked equal
/// first); then the same GraphQL query with one family of figures at a time, and the API's own statements captured
/// from the PostgreSQL log and replayed under <c>EXPLAIN (ANALYZE, BUFFERS)</c>.
/// </summary>
public static class StatisticsBenchmark
{
    private const string RateFields = "{ numerator denominator }";

    /// <summary>Every figure of <c>StatisticsBucket</c>; runs all eight families of statements.</summary>
    public const string AllFigures =
        "stock increment backlogIncrement resolved petitions highLevelPetitions " +
        "repeatPetitionRate " + RateFields + " onTimeAcceptanceRate " + RateFields + " onTimeConclusionRate " + RateFields + " " +
        "evaluationRate " + RateFields + " satisfactionRate " + RateFields;

    /// <summary>One selection per family of statements (StatisticsBucketType.FamiliesFor), to show what each costs.</summary>
    private static readonly (string Name, string Fields)[] Families =
    [
        ("none (label + category only)", ""),
        ("stock", "stock"),
        ("petitions (increment, petitions, highLevel, repeatRate)", "increment petitions highLevelPetitions repeatPetitionRate " + RateFields),
        ("backlogIncrement", "backlogIncrement"),
        ("resolved", "resolved"),
        ("onTimeAcceptanceRate", "onTimeAcceptanceRate " + RateFields),
        ("onTimeConclusionRate", "onTimeConclusionRate " + RateFields),
        ("satisfactionRate (evaluations)", "satisfactionRate " + RateFields),
        ("evaluationRate (evaluations + expired windows)", "evaluationRate " + RateFields),
    ];

    public static TimeZoneInfo Office { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static string StatisticsQuery(DateOnly from, DateOnly to, string fields, bool byCategory = true) =>
        $"{{ statistics(from: \"{from:yyyy-MM-dd}\", to: \"{to:yyyy-MM-dd}\", interval: MONTH{(byCategory ? ", groupBy: [CATEGORY]" : "")}) " +
        $"{{ buckets {{ label {(byCategory ? "category { code } " : "")}{fields} }} }} }}";

    /// <summary>The first day of the current month in office time.</summary>
    public static DateOnly CurrentMonth()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Office));
        return new DateOnly(today.Year, today.Month, 1);
    }

    public static DateTime ToUtc(DateOnly localDate) =>
        TimeZoneInfo.ConvertTimeToUtc(localDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Office);

    public static async Task<int> RunAsync(Options options)
    {
        var label = options.Get("label", "");
        var warmup = options.GetInt("warmup", 3);
        var runs = options.GetInt("runs", 15);
        var to = DateOnly.ParseExact(options.Get("to", CurrentMonth().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var from = DateOnly.ParseExact(options.Get("from", to.AddMonths(-12).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var url = options.GetLocalUri("graphql");
        await using var dataSource = NpgsqlDataSource.Create(options.Get("postgres"));
        var sqlText = await File.ReadAllTextAsync(options.Get("sql"));
        Console.WriteLine($"[{label}] period {from:yyyy-MM-dd} .. {to:yyyy-MM-dd} (office time, exclusive end), interval MONTH, groupBy CATEGORY");

        var token = options.Get("token", "");
        using var full = new GraphQLClient(url, StatisticsQuery(from, to, AllFigures), bearerToken: token);
        async Task<string> Sql()
        {
            await using var command = dataSource.CreateCommand(sqlText);
            command.Parameters.AddWithValue("from", ToUtc(from));
            command.Parameters.AddWithValue("to", ToUtc(to));
            return (string)(await command.ExecuteScalarAsync())!;
        }

        // Check first: every bucket × category × figure.
        var graphqlJson = await full.PostAsync();
        var sqlJson = await Sql();
        var buckets = JsonNode.Parse(graphqlJson)?["data"]?["statistics"]?["buckets"]?.AsArray().Count ?? 0;
        var same = ResponseComparison.Compare(graphqlJson, sqlJson, Console.Out, $"GraphQL statistics and hand-written SQL ({buckets} bucket × category rows)");
        if (options.Get("save", "") is { Length: > 0 } save)
        {
            await File.WriteAllTextAsync(save + ".graphql.json", graphqlJson);
            await File.WriteAllTextAsync(save + ".sql.json", sqlJson);
        }
        PrintTotals(graphqlJson, label);

        var variants = (options.GetInt("families", 1) == 1 ? Families : []).Select(f => (f.Name, Client: new GraphQLClient(url, StatisticsQuery(from, to, f.Fields), bearerToken: token))).ToList();
        try
        {
            // Alternate: full GraphQL, SQL, then each family alone, round after round.
            var fullTimes = new List<double>();
            var sqlTimes = new List<double>();
            var familyTimes = variants.Select(_ => new List<double>()).ToList();
            for (var i = 0; i < warmup + runs; i++)
            {
                var a = await TimeAsync(() => full.PostAsync());
                var b = await TimeAsync(Sql);
                var f = new double[variants.Count];
                for (var v = 0; v < variants.Count; v++)
                {
                    f[v] = await TimeAsync(() => variants[v].Client.PostAsync());
                }
                if (i >= warmup)
                {
                    fullTimes.Add(a);
                    sqlTimes.Add(b);
                    for (var v = 0; v < variants.Count; v++)
                    {
                        familyTimes[v].Add(f[v]);
                    }
                }
            }
            var g = Summary.Of(fullTimes);
            var s = Summary.Of(sqlTimes);
            var ratio = g.Median / s.Median;
            Console.WriteLine($"[{label}] GraphQL statistics, all figures: {g}");
            Console.WriteLine($"[{label}] hand-written SQL:               {s}");
            Console.WriteLine(FormattableString.Invariant(
                $"[{label}] ratio median(GraphQL)/median(SQL) = {ratio:F2} (target <= 1.5: {(ratio <= 1.5 ? "met" : "NOT met")}); GraphQL < 1 s: {(g.Median < 1000 ? "met" : "NOT met")}"));
            Results.Append(options, "statistics", label, g.Median, g.P90, s.Median, s.P90, ratio, same ? "same figures" : "DIFFERENT figures");
            if (variants.Count > 0)
            {
                Console.WriteLine($"[{label}] GraphQL statistics by family of figures (same period and grouping):");
            }
            for (var v = 0; v < variants.Count; v++)
            {
                var t = Summary.Of(familyTimes[v]);
                Console.WriteLine($"    {variants[v].Name,-56} {t}");
                Results.Append(options, "family", label, variants[v].Name, t.Median, t.P90);
            }
        }
        finally
        {
            variants.ForEach(v => v.Client.Dispose());
        }

        if (options.Get("pg-log", "") is { Length: > 0 } log)
        {
            var capture = new StatementCapture(dataSource, log);
            var statements = await capture.CaptureAsync(() => full.PostAsync(), options.GetInt("capture-runs", 3));
            await capture.ExplainAsync(statements, options.Get("explain-out", ""), Console.Out, label, options, "statement");
        }
        return same ? 0 : 1;
    }

    /// <summary>
    /// The monthly overview report over GraphQL: wall time per request and the run's own startedAt..finishedAt, then
    /// the three statistics queries the report is built from, and (with --pg-log) the report's SQL statements.
    /// </summary>
    public static async Task<int> ReportAsync(Options options)
    {
        var label = options.Get("label", "");
        var runs = options.GetInt("runs", 5);
        var warmup = options.GetInt("warmup", 1);
        var url = options.GetLocalUri("graphql");
        var period = options.Get("period", CurrentMonth().AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture));
        var start = DateOnly.ParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var token = options.Get("token", "");
        using var report = new GraphQLClient(url,
            $"mutation {{ generateReport(input: {{report: MONTHLY_OVERVIEW, period: \"{period}\"}}) " +
            "{ run { id status startedAt finishedAt artifacts { fileName size } } userErrors { code message } } }", bearerToken: token);
        Console.WriteLine($"[{label}] monthly overview report for {period}");

        var wall = new List<double>();
        var server = new List<double>();
        JsonNode? last = null;
        for (var i = 0; i < warmup + runs; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            var body = await report.PostAsync();
            var elapsed = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            var payload = JsonNode.Parse(body)!["data"]!["generateReport"]!;
            if (payload["userErrors"]!.AsArray().Count > 0 || payload["run"] is null)
            {
                Console.WriteLine($"[{label}] generateReport failed: {payload.ToJsonString()}");
                return 1;
            }
            var run = payload["run"]!;
            var ms = (DateTimeOffset.Parse((string)run["finishedAt"]!, CultureInfo.InvariantCulture)
                - DateTimeOffset.Parse((string)run["startedAt"]!, CultureInfo.InvariantCulture)).TotalMilliseconds;
            if (i >= warmup)
            {
                wall.Add(elapsed);
                server.Add(ms);
            }
            last = run;
        }
        var files = last!["artifacts"]!.AsArray().Select(a => $"{(string)a!["fileName"]!} ({(long)a["size"]! / 1024.0:F0} KiB)");
        Console.WriteLine($"[{label}] artifacts: {string.Join(", ", files)}");
        var w = Summary.Of(wall);
        var s = Summary.Of(server);
        Console.WriteLine($"[{label}] generateReport over HTTP (wall):        {w}");
        Console.WriteLine($"[{label}] the run's startedAt..finishedAt:         {s}");
        Results.Append(options, "report", label, "generateReport (GraphQL)", w.Median, w.P90, s.Median, w.Median < 5000 ? "met" : "NOT met");

        // What the report is built from (ReportDataBuilder, MonthlyOverview): a 12-bucket trend, the period, the period by category.
        var parts = new (string Name, string Query)[]
        {
            ("trend: 12 months, ungrouped, all figures", StatisticsQuery(start.AddMonths(-11), start.AddMonths(1), AllFigures, byCategory: false)),
            ("period: 1 month, ungrouped, all figures", StatisticsQuery(start, start.AddMonths(1), AllFigures, byCategory: false)),
            ("period by category: 1 month × 9, all figures", StatisticsQuery(start, start.AddMonths(1), AllFigures)),
        };
        var total = 0.0;
        foreach (var (name, query) in parts)
        {
            using var client = new GraphQLClient(url, query, bearerToken: token);
            var times = new List<double>();
            for (var i = 0; i < 1 + runs; i++)
            {
                var t = await TimeAsync(() => client.PostAsync());
                if (i >= 1)
                {
                    times.Add(t);
                }
            }
            var p = Summary.Of(times);
            total += p.Median;
            Console.WriteLine($"    {name,-46} {p}");
            Results.Append(options, "report-part", label, name, p.Median, p.P90);
        }
        Console.WriteLine(FormattableString.Invariant(
            $"[{label}] the report's statistics, as separate GraphQL requests: {total:F0} ms of the run's {s.Median:F0} ms; the rest is campaign lookup, rendering (charts, HTML, XLSX) and storing the artifacts"));

        if (options.Get("pg-log", "") is { Length: > 0 } log && options.Get("postgres", "") is { Length: > 0 } postgres)
        {
            await using var dataSource = NpgsqlDataSource.Create(postgres);
            var capture = new StatementCapture(dataSource, log);
            var statements = await capture.CaptureAsync(() => report.PostAsync(), 1);
            await capture.ExplainAsync(statements, options.Get("explain-out", ""), Console.Out, label, options, "report-statement");
        }
        return 0;
    }

    /// <summary>Sums over all buckets and categories, to show the data is not trivially empty.</summary>
    private static void PrintTotals(string graphqlJson, string label)
    {
        var rows = JsonNode.Parse(graphqlJson)!["data"]!["statistics"]!["buckets"]!.AsArray();
        long Sum(string field, string? part = null) => rows.Sum(r => part is null ? (long)r![field]! : (long)r![field]![part]!);
        Console.WriteLine($"[{label}] totals over the period: petitions {Sum("petitions")}, increment {Sum("increment")}, " +
            $"backlogIncrement {Sum("backlogIncrement")}, resolved {Sum("resolved")}, highLevel {Sum("highLevelPetitions")}, " +
            $"notices due {Sum("onTimeAcceptanceRate", "denominator")}, conclusions due {Sum("onTimeConclusionRate", "denominator")}, " +
            $"evaluated {Sum("satisfactionRate", "denominator")}, stock at the last month's end {rows.Where(r => (string?)r!["label"] == (string?)rows[^1]!["label"]).Sum(r => (long)r!["stock"]!)}");
    }

    private static async Task<double> TimeAsync(Func<Task<string>> action)
    {
        var start = Stopwatch.GetTimestamp();
        await action();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }
}

/// <summary>Median and p90 (linear interpolation between closest ranks, as <see cref="Stats"/>), in ms.</summary>
public sealed record Summary(int Count, double Median, double P90, double Min, double Max)
{
    public static Summary Of(IReadOnlyCollection<double> samples)
    {
        var sorted = samples.Order().ToArray();
        return new Summary(sorted.Length, Percentile(sorted, 0.5), Percentile(sorted, 0.9), sorted[0], sorted[^1]);
    }

    public static double Percentile(double[] sorted, double p)
    {
        var rank = p * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((rank - low) * (sorted[high] - sorted[low]));
    }

    public override string ToString() => FormattableString.Invariant($"median {Median,8:F1} ms, p90 {P90,8:F1} ms (min {Min:F1}, max {Max:F1}, n={Count})");
}
