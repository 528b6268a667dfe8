using PetitionGraph.Bench;

// dotnet run --project bench/PetitionGraph.Bench -c Release -- VERB --option value …
var options = new Options(args);
return options.Verb switch
{
    "latency" => await LatencyBenchmark.RunAsync(options),
    "load" => await LoadBenchmark.RunAsync(options),
    "compare" => await PostGraphileComparison.RunAsync(options),
    "breakdown" => await Breakdown.RunAsync(options),
    "statistics" => await StatisticsBenchmark.RunAsync(options),
    "report" => await StatisticsBenchmark.ReportAsync(options),
    "feed" => await IntegrationBenchmarks.FeedAsync(options),
    "webhooks" => await IntegrationBenchmarks.WebhooksAsync(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        Usage: PetitionGraph.Bench VERB [--option value]…
          latency --graphql URL --postgres CONNSTR --query FILE --sql FILE [--warmup 50] [--runs 300] [--label L] [--results FILE]
              sequential requests: PetitionGraph over HTTP vs the hand-written SQL through Npgsql (checked equal first)
          load --url URL --query FILE [--concurrency 8] [--seconds 20] [--warmup-seconds 5] [--label L] [--results FILE]
              closed-loop throughput of one GraphQL server
          compare --graphql URL --query FILE --postgraphile URL --postgraphile-query FILE
              checks both servers return the same cases, in the same order, with the same nested names
          breakdown --graphql URL --postgres CONNSTR [--runs 300] [--label L] [--results FILE]
              replays PetitionGraph's own SQL statements (all columns / needed columns) and times an empty GraphQL request
          statistics --graphql URL --postgres CONNSTR --sql FILE [--from 2025-11-01] [--to 2026-11-01] [--warmup 3] [--runs 15] [--families 1|0]
                     [--pg-log FILE [--capture-runs 3] [--explain-out FILE]] [--save PREFIX] [--label L] [--results FILE]
              statistics(interval: MONTH, groupBy: [CATEGORY]), every figure, vs the hand-written SQL (checked equal first),
              each family of figures alone, and (with the server's log) the API's statements under EXPLAIN ANALYZE;
              the period defaults to the twelve office-time months before the current one
          report --graphql URL [--period 2026-10] [--runs 5] [--postgres CONNSTR --pg-log FILE [--explain-out FILE]] [--label L] [--results FILE]
              generateReport(MONTHLY_OVERVIEW) over HTTP, and the statistics queries it is built from
          feed --graphql URL --token T --last SEQUENCE --village CODE [--runs 15] [--warmup 3] [--label L] [--results FILE]
              changes(first: 500): the first page, a cursor in the middle, the tail, filtered by kind and by a village
          webhooks --graphql URL --token ADMIN_TOKEN --from SEQUENCE [--count 2000] [--receiver-port 5095] [--label L] [--results FILE]
              one webhook subscription from SEQUENCE to a receiver in this process: deliveries per second
        statistics and report take --token T (sent as Authorization: Bearer T) for an API that requires one.
        Every URL must point at this machine (127.0.0.0/8 or localhost).
        """);
    return 2;
}
