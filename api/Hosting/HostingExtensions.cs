using Microsoft.Extensions.DependencyInjection.Extensions;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.Http;
using PetitionGraph.Api.Ledgers;
using PetitionGraph.Api.Reminders;
using PetitionGraph.Api.Reports;
using PetitionGraph.Api.Webhooks;
using PetitionGraph.Api.Workbench;

namespace PetitionGraph.Api.Hosting;

public static class HostingExtensions
{
    /// <summary>Everything the host, the CLI and the tests share.</summary>
    public static WebApplicationBuilder AddPetitionGraph(this WebApplicationBuilder builder)
    {
        var demo = DemoMode.From(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(demo);
        if (demo.Now is { } demoNow)
        {
            builder.Services.TryAddSingleton<TimeProvider>(new DemoClock(demoNow));
        }
        builder.Services.AddPetitionDatabase(builder.Configuration);
        builder.Services.AddScoped<DatabaseInitializer>();
        builder.Services.AddPetitionAccess(builder.Configuration);
        builder.Services.AddPetitionGraphQL(builder.Configuration);
        builder.Services.AddPetitionReports(builder.Configuration);
        builder.Services.AddPetitionWebhooks(builder.Configuration);
        builder.Services.AddPetitionReminders(builder.Configuration);
        builder.Services.AddPetitionCors(builder.Configuration);
        builder.Services.AddPetitionTelemetry(builder.Configuration);
        builder.Services.AddPetitionWorkbench(builder.Configuration);
        builder.Services.AddSingleton<LedgerService>();
        return builder;
    }

    public static WebApplication MapPetitionGraph(this WebApplication app)
    {
        var endpoint = app.Services.GetRequiredService<GraphQLHttpEndpoint>();
        app.UseErrorResponses();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.UseCors();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.MapPetitionMetrics();
        app.MapGet(GraphQLHttpEndpoint.Path, endpoint.HandleAsync).RequireRateLimiting(AccessServiceExtensions.RateLimitPolicy);
        app.MapPost(GraphQLHttpEndpoint.Path, endpoint.HandleAsync).RequireRateLimiting(AccessServiceExtensions.RateLimitPolicy);
        app.MapReportArtifacts();
        app.MapLedgers();
        app.MapWorkbench();
        app.MapHome();
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", async (PetitionDbContext db, CancellationToken ct) =>
            await db.Database.CanConnectAsync(ct) ? Results.Text("ready") : Results.Text("database unreachable", statusCode: 503));
        return app;
    }

    /// <summary>Refuses to serve when no token could be verified: outside demo mode a key or an authority is required.</summary>
    public static WebApplication RequireTokenSetup(this WebApplication app)
    {
        app.Services.GetRequiredService<DemoMode>().RequireTokenSetup(app.Services.GetRequiredService<AuthOptions>(), app.Environment.EnvironmentName);
        return app;
    }

    /// <summary>With the generated development key: a ready-made token per role, so a newcomer can query at once.</summary>
    public static async Task PrintDemoTokensAsync(this WebApplication app)
    {
        var issuer = app.Services.GetRequiredService<TokenIssuer>();
        if (!app.Services.GetRequiredService<DemoMode>().Enabled || !issuer.UsesDevelopmentKey || !app.Services.GetRequiredService<AuthOptions>().PrintDemoTokens)
        {
            return;
        }
        var lines = new System.Text.StringBuilder("Every request needs a bearer token. Development tokens (30 days; signed with the generated key in Auth:KeyFile):\n");
        foreach (var (role, note, token) in await DemoTokens.IssueAsync(app.Services, CancellationToken.None))
        {
            lines.Append("  ").Append(Data.EnumNames.Name(role)).Append(" (").Append(note).Append("):\n    ").Append(token).Append('\n');
        }
        lines.Append("  Use: curl -H 'Authorization: Bearer <token>' … ; more: dotnet run --project api -- token --role ANALYST");
        Console.WriteLine(lines.ToString());
    }

    /// <summary>Migrates, then (in demo mode) seeds the demo data on an empty database.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app, CancellationToken ct = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        await initializer.MigrateAsync(ct);
        await initializer.SeedDemoIfEmptyAsync(ct);
    }
}
