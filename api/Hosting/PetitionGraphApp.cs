namespace PetitionGraph.Api.Hosting;

/// <summary>Builds the web application; the entry point and the tests use the same chain.</summary>
public static class PetitionGraphApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Settings and static files come from beside the program; relative paths on the command line and the default
        // data/ folder are relative to the directory the command was run from (RunWorkingDirectory in the project).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        // The same container in every environment: Development would otherwise validate every registration on build,
        // and GraphQL.NET registers graph types whose constructors take names, not services.
        builder.Host.UseDefaultServiceProvider(o => (o.ValidateOnBuild, o.ValidateScopes) = (false, false));
        configure?.Invoke(builder);
        builder.AddPetitionGraph();
        var app = builder.Build();
        app.MapPetitionGraph();
        return app;
    }
}
