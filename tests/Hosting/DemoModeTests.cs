using System.Net;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.Hosting;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Hosting;

/// <summary>
/// Demo mode (a generated key, printed tokens, demo data) only where the operator asked for it; anywhere else the
/// service refuses to start without a signing key or an authority, and says exactly what to set.
/// </summary>
public sealed class DemoModeTests
{
    [Theory]
    [InlineData("Production", null)]
    [InlineData("Staging", null)]
    [InlineData("Development", "false")]
    public void Without_a_key_or_an_authority_the_service_refuses_to_start_outside_demo_mode(string environment, string? demo)
    {
        using var folder = new TempFolder();
        var app = Build(environment, folder, new() { ["Demo:Enabled"] = demo });
        var refused = Assert.Throws<StartupException>(() => app.RequireTokenSetup());
        Assert.Contains("Auth:SigningKey", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Auth:Authority", refused.Message, StringComparison.Ordinal);
        Assert.Contains(environment, refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder.Path, "key")), "no key may be generated outside demo mode");
    }

    [Theory]
    [InlineData("Production", "true", DatabaseProvider.Sqlite)]
    [InlineData("Development", null, DatabaseProvider.Sqlite)]
    [InlineData("Development", null, DatabaseProvider.Postgres)]
    public async Task Demo_mode_generates_a_key_and_loads_demo_data_where_asked_for(string environment, string? demo, DatabaseProvider provider)
    {
        using var folder = new TempFolder();
        await using var app = Build(environment, folder, new() { ["Demo:Enabled"] = demo, ["Seed:DemoCases"] = "25" }, await DatabaseAsync(provider, folder));
        app.RequireTokenSetup();
        await app.InitializeDatabaseAsync();
        Assert.True(app.Services.GetRequiredService<TokenIssuer>().UsesDevelopmentKey);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(25, scope.ServiceProvider.GetRequiredService<PetitionDbContext>().Cases.Count());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task With_a_key_production_loads_no_demo_data_and_the_401_names_no_demo_command(DatabaseProvider provider)
    {
        using var folder = new TempFolder();
        await using var app = Build("Production", folder, new() { ["Auth:SigningKey"] = TestHost.SigningKey, ["Seed:DemoCases"] = "25" }, await DatabaseAsync(provider, folder));
        app.RequireTokenSetup();
        await app.InitializeDatabaseAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(0, scope.ServiceProvider.GetRequiredService<PetitionDbContext>().Cases.Count());
        }
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        var response = await new GraphQLClient(http).PostAsync("{ cases { totalCount } }");
        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.DoesNotContain("token --role", response.FirstErrorMessage, StringComparison.Ordinal);
        await app.StopAsync();
    }

    private static async Task<KeyValuePair<string, string?>> DatabaseAsync(DatabaseProvider provider, TempFolder folder) => provider == DatabaseProvider.Postgres
        ? new("ConnectionStrings:Postgres", await PostgresServer.CreateDatabaseAsync("pg_demo"))
        : new("ConnectionStrings:Sqlite", $"Data Source={Path.Combine(folder.Path, "demo.db")}");

    private static WebApplication Build(string environment, TempFolder folder, Dictionary<string, string?> settings, KeyValuePair<string, string?>? database = null) =>
        PetitionGraphApp.Build([], builder =>
        {
            builder.Environment.EnvironmentName = environment;
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [database?.Key ?? "ConnectionStrings:Sqlite"] = database?.Value ?? $"Data Source={Path.Combine(folder.Path, "demo.db")}",
                ["Auth:KeyFile"] = Path.Combine(folder.Path, "key"),
                ["Startup:WarmUp"] = "false",
                ["Reports:SchedulerEnabled"] = "false",
                ["Logging:LogLevel:Default"] = "Warning",
            });
            builder.Configuration.AddInMemoryCollection(settings.Where(s => s.Value is not null));
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        });
}
