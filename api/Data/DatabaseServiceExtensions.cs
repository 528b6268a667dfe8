using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Query;

namespace PetitionGraph.Api.Data;

public static class DatabaseServiceExtensions
{
    public static IServiceCollection AddPetitionDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var options = DatabaseOptions.From(configuration);
        var shortcuts = Hosting.Shortcuts.From(configuration).Enabled;
        services.AddSingleton(options);
        services.AddSingleton<DatabaseOutage>();
        services.AddSingleton<IInterceptor, DatabaseOutage.ConnectionWatch>();
        services.AddSingleton<IInterceptor, DatabaseOutage.CommandWatch>();
        // The configuration audit and the change feed share one transaction per save (Data/SaveTransaction).
        services.AddSingleton<IInterceptor, Access.ConfigurationAudit>();
        services.AddSingleton<IInterceptor, Changes.ChangeRecorder>();
        // Interceptors registered in DI (the tests count SQL statements with one) join every context.
        if (options.Provider == DatabaseProvider.Postgres)
        {
            Add<PostgresPetitionDbContext>(services, (sp, o) =>
                ConfigurePostgres(o, options.ConnectionString, shortcuts).AddInterceptors(sp.GetServices<IInterceptor>()));
        }
        else
        {
            Add<SqlitePetitionDbContext>(services, (sp, o) =>
                ConfigureSqlite(o, options.ConnectionString, shortcuts).AddInterceptors(sp.GetServices<IInterceptor>()));
        }
        services.AddSingleton<AnalyticsDatabase>();
        return services;
    }

    /// <summary>
    /// One options instance for the process (a factory), a context per request for resolvers and mutations, and
    /// <see cref="IDbContextFactory{PetitionDbContext}"/> for batch loaders, which run in parallel on contexts of their own.
    /// Contexts are pooled: a new context builds EF Core's internal service scope, which cost ~4 % of the API's CPU on
    /// the cases page (BENCHMARKS.md). The contexts hold no state of their own, so a returned one is as good as new.
    /// </summary>
    private static void Add<TContext>(IServiceCollection services, Action<IServiceProvider, DbContextOptionsBuilder> configure)
        where TContext : PetitionDbContext
    {
        services.AddPooledDbContextFactory<TContext>(configure);
        services.AddScoped<PetitionDbContext>(sp => sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext());
        services.AddSingleton<IDbContextFactory<PetitionDbContext>>(sp => new Factory<TContext>(sp.GetRequiredService<IDbContextFactory<TContext>>()));
    }

    private sealed class Factory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<PetitionDbContext>
        where TContext : PetitionDbContext
    {
        public PetitionDbContext CreateDbContext() => inner.CreateDbContext();
    }

    private static readonly SqliteInterrupt SqliteStatementsStop = new();

    /// <summary>PostgreSQL; with <c>shortcuts</c>, EF Core's query compilation with closed lambdas hoisted (<see cref="Hosting.Shortcuts"/>).</summary>
    public static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder builder, string connectionString, bool shortcuts = true)
    {
        builder.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
        return shortcuts ? builder.ReplaceService<IQueryCompilationContextFactory, Query.PostgresQueryCompilationContextFactory>() : builder;
    }

    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder builder, string connectionString, bool shortcuts = true)
    {
        builder.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable("__ef_migrations_history"))
            .AddInterceptors(SqliteStatementsStop)
            .UseSnakeCaseNamingConvention()
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
        return shortcuts ? builder.ReplaceService<IQueryCompilationContextFactory, Query.SqliteQueryCompilationContextFactory>() : builder;
    }

    /// <summary>Made when the database is first migrated, not when services are registered (help touches nothing).</summary>
    public static void EnsureSqliteDirectory(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory) && dataSource != ":memory:")
        {
            Directory.CreateDirectory(directory);
        }
    }
}
