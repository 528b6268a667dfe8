using GraphQL;
using PetitionGraph.Api.GraphQL;

namespace PetitionGraph.Api.Hosting;

/// <summary>
/// Runs a few representative queries before the service reports ready, so the first real requests do not pay
/// for JIT compilation and EF Core query compilation (measured: a cold process is ~2.5× slower for its first
/// few hundred requests; see BENCHMARKS.md). Off with <c>Startup:WarmUp=false</c>.
/// </summary>
public static class WarmUp
{
    private const string Query = """
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

    public static async Task WarmUpAsync(this WebApplication app, CancellationToken ct = default)
    {
        if (!app.Configuration.GetValue("Startup:WarmUp", true))
        {
            return;
        }
        var executer = app.Services.GetRequiredService<IDocumentExecuter<PetitionSchema>>();
        for (var i = 0; i < 3; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await executer.ExecuteAsync(o =>
            {
                o.Query = Query;
                o.RequestServices = scope.ServiceProvider;
                o.CancellationToken = ct;
            });
        }
    }
}
