using System.Diagnostics;
using Npgsql;

namespace PetitionGraph.Bench;

/// <summary>
/// Sequential latency of one page of cases: PetitionGraph over HTTP vs hand-written SQL through Npgsql.
/// The two alternate request by request, so that both see the same machine state.
/// </summary>
public static class LatencyBenchmark
{
    public static async Task<int> RunAsync(Options options)
    {
        var label = options.Get("label", "");
        var warmup = options.GetInt("warmup", 50);
        var runs = options.GetInt("runs", 300);
        using var graphql = GraphQLClient.FromFile(options.GetLocalUri("graphql"), options.Get("query"), bearerToken: options.Get("token", ""));
        await using var dataSource = NpgsqlDataSource.Create(options.Get("postgres"));
        var sql = new SqlPage(dataSource, await File.ReadAllTextAsync(options.Get("sql")));

        var same = ResponseComparison.Compare(await graphql.PostAsync(), await sql.ReadAsync(), Console.Out);
        var graphqlTimes = new List<double>(runs);
        var sqlTimes = new List<double>(runs);
        for (var i = 0; i < warmup + runs; i++)
        {
            var a = await TimeAsync(() => graphql.PostAsync());
            var b = await TimeAsync(() => sql.ReadAsync());
            if (i >= warmup)
            {
                graphqlTimes.Add(a);
                sqlTimes.Add(b);
            }
        }
        var g = Stats.Of(graphqlTimes);
        var s = Stats.Of(sqlTimes);
        var ratio = g.Median / s.Median;
        Console.WriteLine($"[{label}] GraphQL over HTTP: {g}");
        Console.WriteLine($"[{label}] SQL via Npgsql:    {s}");
        Console.WriteLine(FormattableString.Invariant($"[{label}] ratio median(GraphQL)/median(SQL) = {ratio:F2} (target <= 1.5: {(ratio <= 1.5 ? "met" : "NOT met")})"));
        Results.Append(options, "latency", label, g.Median, g.P95, s.Median, s.P95, ratio, same ? "same data" : "DIFFERENT data");
        return same ? 0 : 1;
    }

    private static async Task<double> TimeAsync(Func<Task<string>> action)
    {
        var start = Stopwatch.GetTimestamp();
        await action();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }
}
