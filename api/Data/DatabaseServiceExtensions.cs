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
        services.AddSingleton(options);
        services.AddSingleton<DatabaseOutage>();
        services.AddSingleton<IInterceptor, DatabaseOutage.ConnectionWatch>();
        services.AddSingleton<IInterceptor, DatabaseOutage.CommandWatch>();
        // Interceptors registered in DI (the tests count SQL statements with one) join every context.
        if (options.Provider == DatabaseProvider.Postgres)
        {
            Add<PostgresPetitionDbContext>(services, (sp, o) =>
                ConfigurePostgres(o, options.ConnectionString).AddInterceptors(sp.GetServices<IInterceptor>()));
        }
        else
        {
            Add<SqlitePetitionDbContext>(services, (sp, o) =>
                ConfigureSqlite(o, options.ConnectionString).AddInterceptors(sp.GetServices<IInterceptor>()));
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

    public static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder builder, string connectionString) =>
        builder
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .ReplaceService<IQueryCompilationContextFactory, Query.PostgresQueryCompilationContextFactory>()
            .UseSnakeCaseNamingConvention()
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);

    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder builder, string connectionString) =>
        builder
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable("__ef_migrations_history"))
            .AddInterceptors(SqliteStatementsStop)
            .ReplaceService<IQueryCompilationContextFactory, Query.SqliteQueryCompilationContextFactory>()
            .UseSnakeCaseNamingConvention()
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);

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
