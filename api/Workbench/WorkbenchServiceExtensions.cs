using PetitionGraph.Api.Workbench.Export;

namespace PetitionGraph.Api.Workbench;

/// <summary>The analysts' workbench: sign-in, the IDE, export to XLSX/CSV, the home page, the schema as SDL.</summary>
public static class WorkbenchServiceExtensions
{
    public static IServiceCollection AddPetitionWorkbench(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(WorkbenchOptions.From(configuration));
        services.AddSingleton(configuration.GetSection("Workbench:Oidc").Get<OidcSignInOptions>() ?? new OidcSignInOptions());
        services.AddHttpClient(nameof(OidcSignIn));
        services.AddSingleton<CallerQuery>();
        services.AddSingleton<IdePage>();
        services.AddSingleton<HomePage>();
        services.AddSingleton<ExportEndpoint>();
        return services;
    }

    public static WebApplication MapWorkbench(this WebApplication app)
    {
        var export = app.Services.GetRequiredService<ExportEndpoint>();
        app.MapPost(ExportEndpoint.Path, export.HandleAsync).RequireRateLimiting(Access.AccessServiceExtensions.RateLimitPolicy);
        app.MapSignIn();
        app.MapOidcSignIn();
        app.MapWorkbenchAssets();
        app.MapSchema();
        return app;
    }
}
