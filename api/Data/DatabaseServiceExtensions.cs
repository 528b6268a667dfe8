using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PetitionGraph.Api.Data;

public static class DatabaseServiceExtensions
{
    public static IServiceCollection AddPetitionDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var options = DatabaseOptions.From(configuration);
        services.AddSingleton(options);
        if (options.Provider == DatabaseProvider.Postgres)
        {
            // Interceptors registered in DI (the tests count SQL statements with one) join every context.
            services.AddDbContext<PetitionDbContext, PostgresPetitionDbContext>((sp, o) =>
                ConfigurePostgres(o, options.ConnectionString).AddInterceptors(sp.GetServices<IInterceptor>()));
        }
        else
        {
            EnsureSqliteDirectory(options.ConnectionString);
            services.AddDbContext<PetitionDbContext, SqlitePetitionDbContext>((sp, o) =>
                ConfigureSqlite(o, options.ConnectionString).AddInterceptors(sp.GetServices<IInterceptor>()));
        }
        return services;
    }

    public static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder builder, string connectionString) =>
        builder
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);

    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder builder, string connectionString) =>
        builder
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);

    private static void EnsureSqliteDirectory(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory) && dataSource != ":memory:")
        {
            Directory.CreateDirectory(directory);
        }
    }
}
