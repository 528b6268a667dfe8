using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.Hosting;
using PetitionGraph.Api.Seeding;

namespace PetitionGraph.Tests.Infrastructure;

/// <summary>
/// The real PetitionGraph host on a free loopback port, over a fresh database of one provider, seeded with a
/// small deterministic data set. Tests talk to it over HTTP and may open their own DbContext to check values.
/// </summary>
public abstract class TestHost : IAsyncLifetime
{
    public const int SeedCases = 400;
    public const int RandomSeed = 7;
    /// <summary>A fixed test key (synthetic, random): tokens are signed with it, never with a generated file.</summary>
    public const string SigningKey = "b3ZYk1c2v9Qm4e7PZ0n6tJ8wR5xL3aH1sD2fG4jK6lM=";
    public static readonly DateTimeOffset Now = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private WebApplication? _app;

    public abstract DatabaseProvider Provider { get; }
    public SqlRecorder Sql { get; } = new();
    public FixedClock Clock { get; } = new(Now);
    public GraphQLClient Client { get; private set; } = null!;

    /// <summary>The database this host serves (a second host can be started on it).</summary>
    public string DatabaseConnectionString { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;
    public IServiceProvider Services => _app!.Services;

    protected abstract Task<string> CreateConnectionStringAsync();

    protected virtual int CasesToSeed => SeedCases;

    /// <summary>Configuration on top of the test defaults (which switch the report scheduler off).</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>();

    /// <summary>Services a test adds to the host (an in-memory exporter, say).</summary>
    public Action<IServiceCollection>? ExtraServices { get; init; }

    /// <summary>What the host logs at Information and above.</summary>
    public LogCapture Log { get; } = new();

    public async Task InitializeAsync()
    {
        var connectionString = DatabaseConnectionString = await CreateConnectionStringAsync();
        var settings = new Dictionary<string, string?>
        {
            [Provider == DatabaseProvider.Postgres ? "ConnectionStrings:Postgres" : "ConnectionStrings:Sqlite"] = connectionString,
            ["Seed:DemoCases"] = "0",
            ["Startup:WarmUp"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "None",
            ["Reports:SchedulerEnabled"] = "false",
            ["Webhooks:DispatcherEnabled"] = "false",
            ["Reminders:Enabled"] = "false",
            ["Auth:SigningKey"] = SigningKey,
            ["Limits:RequestsPerMinute"] = "0",
        };
        foreach (var (key, value) in ExtraSettings)
        {
            settings[key] = value;
        }
        _app = PetitionGraphApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Services.AddSingleton<IInterceptor>(Sql);
            builder.Logging.AddProvider(Log);
            builder.Services.TryAddSingleton<TimeProvider>(Clock);
            ExtraServices?.Invoke(builder.Services);
        });
        await _app.InitializeDatabaseAsync();
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
            if (CasesToSeed > 0)
            {
                await new Seeder(db).SeedAsync(new SeedOptions(CasesToSeed, RandomSeed) { ChunkSize = 100 }, null, CancellationToken.None);
            }
        }
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Client = ClientAs(Role.Office, "test-office");
    }

    /// <summary>A client whose requests carry a token for the role (and leader, villages or unit), signed with the host's key.</summary>
    public GraphQLClient ClientAs(Role role, string user, int? leaderId = null, IReadOnlyList<string>? villages = null, string? unit = null)
    {
        var token = Services.GetRequiredService<TokenIssuer>().Issue(user, role, leaderId, villages, unit: unit);
        var http = English(new HttpClient { BaseAddress = BaseAddress });
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return new GraphQLClient(http);
    }

    /// <summary>A client without a token.</summary>
    public GraphQLClient Anonymous() => new(English(new HttpClient { BaseAddress = BaseAddress }));

    /// <summary>
    /// The tests' clients read messages in English (Accept-Language: en), so their assertions stay readable to every
    /// maintainer; LanguageTests take the header off and read the office's default, Chinese.
    /// </summary>
    private static HttpClient English(HttpClient http)
    {
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return http;
    }

    /// <summary>Moves the host's clock (for deadlines) until the returned scope ends.</summary>
    public IDisposable TravelTo(DateTimeOffset instant)
    {
        Clock.Now = instant;
        return new Restore(Clock);
    }

    private sealed class Restore(FixedClock clock) : IDisposable
    {
        public void Dispose() => clock.Now = Now;
    }

    /// <summary>A fresh DbContext on the host's database, for computing expected values independently.</summary>
    public AsyncServiceScope Scope() => _app!.Services.CreateAsyncScope();

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}

/// <summary>A host on a database and with settings a test chooses, e.g. a second instance on another host's database.</summary>
public sealed class CustomHost(DatabaseProvider provider, string connectionString, int casesToSeed, IReadOnlyDictionary<string, string?> settings) : TestHost
{
    public override DatabaseProvider Provider => provider;

    public string ConnectionString => connectionString;

    protected override int CasesToSeed => casesToSeed;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => settings;

    protected override Task<string> CreateConnectionStringAsync() => Task.FromResult(connectionString);

    public static async Task<string> NewDatabaseAsync(DatabaseProvider provider) => provider == DatabaseProvider.Postgres
        ? await PostgresServer.CreateDatabaseAsync("pg_custom")
        : $"Data Source={TestRunFolder.NewPath("custom", ".db")}";
}

public sealed class SqliteHost : TestHost
{
    private readonly string _file = TestRunFolder.NewPath("sqlite", ".db");

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<string> CreateConnectionStringAsync() => Task.FromResult($"Data Source={_file}");
}

public sealed class PostgresHost : TestHost
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override Task<string> CreateConnectionStringAsync() => PostgresServer.CreateDatabaseAsync("pg_test");
}

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteHost>
{
    public const string Name = "SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresHost>
{
    public const string Name = "PostgreSQL";
}
