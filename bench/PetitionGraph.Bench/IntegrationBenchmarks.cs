using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace PetitionGraph.Bench;

/// <summary>
/// Issue #23's figures: reading the change feed when it holds millions of changes (first page, a cursor in the middle,
/// the tail, filtered by kind and by the case's village), and how many webhook deliveries one instance makes a second
/// to a receiver on this machine.
/// </summary>
public static class IntegrationBenchmarks
{
    private const string Selection = "nodes { sequence kind at entityType entityId case { id number } } pageInfo { hasNextPage endCursor }";

    public static async Task<int> FeedAsync(Options options)
    {
        var url = options.GetLocalUri("graphql");
        var token = options.Get("token");
        var last = long.Parse(options.Get("last"), CultureInfo.InvariantCulture);
        var runs = options.GetInt("runs", 15);
        var warmup = options.GetInt("warmup", 3);
        var label = options.Get("label", "feed");
        var middle = Cursor(last / 2);
        (string Name, string Arguments)[] scenarios =
        [
            ("first page (after: none)", ""),
            ($"after sequence {last / 2:N0}", $"after: \"{middle}\""),
            ("the tail: the last 500", $"after: \"{Cursor(last - 500)}\""),
            ("middle, kind ACCEPTED (1 in 8)", $"after: \"{middle}\", where: {{ kind: {{ eq: ACCEPTED }} }}"),
            ("middle, one village's cases", $"after: \"{middle}\", where: {{ case: {{ village: {{ code: {{ eq: \"{options.Get("village")}\" }} }} }} }}"),
        ];
        var clients = scenarios.Select(s => new GraphQLClient(url, $"{{ changes(first: 500{(s.Arguments.Length > 0 ? ", " + s.Arguments : "")}) {{ {Selection} }} }}", bearerToken: token)).ToArray();
        var samples = scenarios.Select(_ => new List<double>()).ToArray();
        var counts = new int[scenarios.Length];
        // Round-robin over the scenarios, so a slow spell of the machine does not land on one of them only.
        for (var i = 0; i < warmup + runs; i++)
        {
            for (var s = 0; s < scenarios.Length; s++)
            {
                var t0 = Stopwatch.GetTimestamp();
                var body = await clients[s].PostAsync();
                var ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                counts[s] = JsonNode.Parse(body)!["data"]!["changes"]!["nodes"]!.AsArray().Count;
                if (i >= warmup)
                {
                    samples[s].Add(ms);
                }
            }
        }
        Console.WriteLine($"[{label}] change feed of {last:N0} changes, first: 500, {runs} runs each after {warmup} warm-up");
        for (var s = 0; s < scenarios.Length; s++)
        {
            var stats = Stats.Of(samples[s]);
            Console.WriteLine($"  {scenarios[s].Name,-40} {counts[s],4} changes  {stats}");
            Results.Append(options, "feed", label, scenarios[s].Name, stats.Median, stats.P95, stats.Min, stats.Max, counts[s]);
        }
        foreach (var client in clients)
        {
            client.Dispose();
        }
        return 0;
    }

    public static async Task<int> WebhooksAsync(Options options)
    {
        var url = options.GetLocalUri("graphql");
        var token = options.Get("token");
        var count = options.GetInt("count", 2000);
        var from = long.Parse(options.Get("from"), CultureInfo.InvariantCulture);
        var port = options.GetInt("receiver-port", 5095);
        var label = options.Get("label", "webhooks");

        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var received = 0;
        var signed = 0;
        using var stop = new CancellationTokenSource();
        var receiving = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync().WaitAsync(stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
                {
                    await reader.ReadToEndAsync();
                }
                if (!string.IsNullOrEmpty(context.Request.Headers["webhook-signature"]))
                {
                    Interlocked.Increment(ref signed);
                }
                Interlocked.Increment(ref received);
                context.Response.StatusCode = 204;
                context.Response.Close();
            }
        });

        var client = await MutateAsync(url, token, "createApiClient",
            // A new client per run: a database reused with SKIP_SEED=1 keeps the earlier runs' clients.
            $"mutation {{ createApiClient(input: {{ name: \"bench receiver {Guid.NewGuid():N}\", scopes: [\"cases:read\"] }}) {{ client {{ id }} userErrors {{ message }} }} }}");
        var clientId = (string)client["client"]!["id"]!;
        var subscription = await MutateAsync(url, token, "createWebhookSubscription",
            $"mutation {{ createWebhookSubscription(input: {{ clientId: \"{clientId}\", url: \"http://127.0.0.1:{port}/hook\", fromSequence: {from} }}) {{ subscription {{ id }} userErrors {{ message }} }} }}");
        var subscriptionId = (string)subscription["subscription"]!["id"]!;
        var t0 = Stopwatch.GetTimestamp();
        var firstAt = 0.0;
        var deadline = TimeSpan.FromSeconds(options.GetInt("timeout-seconds", 600));
        while (Volatile.Read(ref received) < count && Stopwatch.GetElapsedTime(t0) < deadline)
        {
            if (firstAt == 0 && Volatile.Read(ref received) > 0)
            {
                firstAt = Stopwatch.GetElapsedTime(t0).TotalSeconds;
            }
            await Task.Delay(20);
        }
        var seconds = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        var delivered = Volatile.Read(ref received);
        await MutateAsync(url, token, "deactivateWebhookSubscription",
            $"mutation {{ deactivateWebhookSubscription(input: {{ subscriptionId: \"{subscriptionId}\" }}) {{ userErrors {{ message }} }} }}");
        await stop.CancelAsync();
        await receiving;
        // From the first delivery on: the dispatcher polls once a second, so the wait for the first is not throughput.
        var rate = (delivered - 1) / (seconds - firstAt);
        Console.WriteLine(FormattableString.Invariant(
            $"[{label}] {delivered:N0} of {count:N0} deliveries ({signed:N0} signed) in {seconds:F1} s, first after {firstAt:F2} s: {rate:F0} deliveries/s"));
        Results.Append(options, "webhooks", label, count, delivered, seconds, firstAt, rate);
        return delivered >= count && signed == delivered ? 0 : 1;
    }

    private static string Cursor(long sequence) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("change:" + sequence.ToString(CultureInfo.InvariantCulture))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static async Task<JsonNode> MutateAsync(Uri url, string token, string field, string mutation)
    {
        using var client = new GraphQLClient(url, mutation, bearerToken: token);
        var payload = JsonNode.Parse(await client.PostAsync())!["data"]![field]!;
        if (payload["userErrors"]!.AsArray().Count > 0)
        {
            throw new InvalidOperationException($"{field} refused: {payload["userErrors"]!.ToJsonString()}");
        }
        return payload;
    }
}
