using System.Diagnostics;
using GraphQL;
using PetitionGraph.Api.GraphQL;

namespace PetitionGraph.Api.Hosting;

/// <summary>
/// Runs representative queries before the service listens, so the first real requests pay neither for EF Core's
/// query compilation nor for the JIT. Two stages: every path once (each query shape compiled), then the page every
/// client asks for, repeated until .NET's tiered JIT has recompiled the hot methods at full optimisation (a method is
/// promoted after 30 calls, in the background, once start-up quietens). Measured in BENCHMARKS.md ("right after
/// start"). <c>Startup:WarmUp=false</c> turns it off; <c>Startup:WarmUpRounds</c> (60) and
/// <c>Startup:WarmUpSeconds</c> (5, a cap for large or slow databases) bound the second stage.
/// </summary>
public static class WarmUp
{
    private const string EveryPath = """
        {
          cases(first: 20, order: [{ openedAt: DESC }]) {
            totalCount pageInfo { endCursor }
            nodes { id number title status openedAt inBacklog overdue keyClass
              category { code nameZh } village { name } petitioners { name } leaders { name title }
              petitions { level } events(first: 2) { nodes { kind } } }
          }
          petitions(first: 5, where: { level: { in: [PROVINCE, NATIONAL] } }) { nodes { receivedAt case { number } } }
          leaders(first: 2) { nodes { name cases(first: 2) { nodes { number } } } }
        }
        """;

    private const string HotPage = """
        query WarmUp($after: String) {
          cases(first: 100, after: $after, order: [{ openedAt: DESC }]) {
            pageInfo { hasNextPage endCursor }
            nodes { id number title status openedAt category { code nameZh } village { name } petitioners { name } leaders { name title } }
          }
        }
        """;

    public static async Task WarmUpAsync(this WebApplication app, CancellationToken ct = default)
    {
        if (!app.Configuration.GetValue("Startup:WarmUp", true))
        {
            return;
        }
        var rounds = app.Configuration.GetValue("Startup:WarmUpRounds", 60);
        var budget = TimeSpan.FromSeconds(app.Configuration.GetValue("Startup:WarmUpSeconds", 5.0));
        await RunAsync(app.Services, rounds, budget, ct);
    }

    /// <summary>Runs both stages; returns the errors the queries gave (none, unless the schema and these drift apart).</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(IServiceProvider services, int rounds, TimeSpan budget, CancellationToken ct)
    {
        var executer = services.GetRequiredService<IDocumentExecuter<PetitionSchema>>();
        var serializer = services.GetRequiredService<IGraphQLTextSerializer>();
        var errors = new List<string>();
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < 3 + rounds && (i < 3 || Stopwatch.GetElapsedTime(started) < budget); i++)
        {
            await using var scope = services.CreateAsyncScope();
            var result = await executer.ExecuteAsync(o =>
            {
                o.Query = i < 3 ? EveryPath : HotPage;
                o.RequestServices = scope.ServiceProvider;
                o.CancellationToken = ct;
            });
            // Written out as a response would be, so the serializer's paths are compiled too.
            await serializer.WriteAsync(Stream.Null, result, ct);
            errors.AddRange(result.Errors?.Select(e => e.Message) ?? []);
        }
        // Let the background compiler finish what the last rounds queued before the first request arrives.
        await Task.Delay(200, ct);
        return errors;
    }
}
