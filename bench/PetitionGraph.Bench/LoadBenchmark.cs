using System.Diagnostics;

namespace PetitionGraph.Bench;

/// <summary>
/// Closed-loop throughput: N clients each send the same query, wait for the whole response, and send again.
/// A warm-up phase is run and discarded first. Bounded by time and by a request count; stops by itself.
/// </summary>
public static class LoadBenchmark
{
    private const int MaxRequests = 1_000_000;

    public static async Task<int> RunAsync(Options options)
    {
        var label = options.Get("label", "");
        var concurrency = options.GetInt("concurrency", 8);
        var seconds = options.GetInt("seconds", 20);
        using var client = GraphQLClient.FromFile(options.GetLocalUri("url"), options.Get("query"), concurrency, options.Get("token", ""));

        await client.PostAsync(); // fails fast when the server or the query is wrong
        await RunPhaseAsync(client, concurrency, TimeSpan.FromSeconds(options.GetInt("warmup-seconds", 5)));
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var machineBefore = MachineCpu.Read();
        var (latencies, elapsed) = await RunPhaseAsync(client, concurrency, TimeSpan.FromSeconds(seconds));
        var clientCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        var machineBusy = MachineCpu.BusyPercent(machineBefore, MachineCpu.Read()) ?? double.NaN;

        var stats = Stats.Of(latencies);
        var perSecond = latencies.Count / elapsed.TotalSeconds;
        Console.WriteLine(FormattableString.Invariant($"[{label}] {concurrency} clients, {elapsed.TotalSeconds:F1} s: {latencies.Count} requests, {perSecond:F1} req/s; latency {stats}; load generator used {clientCpu:F1} CPU-s; machine CPUs {machineBusy:F0}% busy"));
        Results.Append(options, "load", label, concurrency, latencies.Count, perSecond, stats.Median, stats.P95, clientCpu, machineBusy);
        return 0;
    }

    private static async Task<(List<double> Latencies, TimeSpan Elapsed)> RunPhaseAsync(GraphQLClient client, int concurrency, TimeSpan duration)
    {
        using var stop = new CancellationTokenSource(duration);
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(() => WorkAsync(client, MaxRequests / concurrency, stop.Token))).ToArray();
        var results = await Task.WhenAll(workers);
        var elapsed = clock.Elapsed;
        return ([.. results.SelectMany(r => r)], elapsed);
    }

    private static async Task<List<double>> WorkAsync(GraphQLClient client, int maxRequests, CancellationToken stop)
    {
        var latencies = new List<double>();
        while (!stop.IsCancellationRequested && latencies.Count < maxRequests)
        {
            var start = Stopwatch.GetTimestamp();
            await client.PostAsync(CancellationToken.None); // a request in flight is finished, never cut off
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        return latencies;
    }
}
