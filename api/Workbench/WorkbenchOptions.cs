namespace PetitionGraph.Api.Workbench;

/// <summary>Configuration section <c>Workbench</c>: the analysts' IDE in the browser and the export of results.</summary>
public sealed record WorkbenchOptions
{
    /// <summary>
    /// Serve the GraphQL IDE at <c>GET /graphql</c> to a browser. Unset: on in Development (the demo), off elsewhere —
    /// an office turns it on where its analysts need it.
    /// </summary>
    public bool? Ide { get; init; }

    /// <summary>The most rows one export writes (the pages of a connection are fetched until then).</summary>
    public int ExportMaxRows { get; init; } = 100_000;

    /// <summary>How long one export may run in all; each page keeps the query's own limit (Limits:ExecutionSeconds).</summary>
    public int ExportSeconds { get; init; } = 600;

    public bool IdeEnabled(IHostEnvironment environment) => Ide ?? environment.IsDevelopment();

    public static WorkbenchOptions From(IConfiguration configuration) => configuration.GetSection("Workbench").Get<WorkbenchOptions>() ?? new WorkbenchOptions();
}
