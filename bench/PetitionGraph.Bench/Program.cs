using PetitionGraph.Bench;

// dotnet run --project bench/PetitionGraph.Bench -c Release -- VERB --option value …
var options = new Options(args);
return options.Verb switch
{
    "latency" => await LatencyBenchmark.RunAsync(options),
    "load" => await LoadBenchmark.RunAsync(options),
    "compare" => await PostGraphileComparison.RunAsync(options),
    "breakdown" => await Breakdown.RunAsync(options),
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
        Every URL must point at this machine (127.0.0.0/8 or localhost).
        """);
    return 2;
}
