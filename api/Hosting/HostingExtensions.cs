using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.Http;
using PetitionGraph.Api.Reports;

namespace PetitionGraph.Api.Hosting;

public static class HostingExtensions
{
    /// <summary>Everything the host, the CLI and the tests share.</summary>
    public static WebApplicationBuilder AddPetitionGraph(this WebApplicationBuilder builder)
    {
        builder.Services.AddPetitionDatabase(builder.Configuration);
        builder.Services.AddScoped<DatabaseInitializer>();
        builder.Services.AddPetitionGraphQL(builder.Configuration);
        builder.Services.AddPetitionReports(builder.Configuration);
        return builder;
    }

    public static WebApplication MapPetitionGraph(this WebApplication app)
    {
        var endpoint = app.Services.GetRequiredService<GraphQLHttpEndpoint>();
        app.MapGet(GraphQLHttpEndpoint.Path, endpoint.HandleAsync);
        app.MapPost(GraphQLHttpEndpoint.Path, endpoint.HandleAsync);
        app.MapReportArtifacts();
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", async (PetitionDbContext db, CancellationToken ct) =>
            await db.Database.CanConnectAsync(ct) ? Results.Text("ready") : Results.Text("database unreachable", statusCode: 503));
        return app;
    }

    /// <summary>Migrates, then seeds the demo data on an empty database.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app, CancellationToken ct = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        await initializer.MigrateAsync(ct);
        await initializer.SeedDemoIfEmptyAsync(ct);
    }
}
