namespace PetitionGraph.Api.Hosting;

/// <summary>Builds the web application; the entry point and the tests use the same chain.</summary>
public static class PetitionGraphApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.AddPetitionGraph();
        var app = builder.Build();
        app.MapPetitionGraph();
        return app;
    }
}
