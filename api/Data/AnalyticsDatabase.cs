using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PetitionGraph.Api.Data;

/// <summary>
/// Where statistics and report generation read from: the read replica when <c>ConnectionStrings:PostgresReplica</c>
/// is set (so analysts and reports never slow the office's own work), otherwise the primary database.
/// </summary>
public sealed class AnalyticsDatabase
{
    private readonly IDbContextFactory<PetitionDbContext> _primary;
    private readonly DbContextOptions<PostgresPetitionDbContext>? _replica;

    public AnalyticsDatabase(IDbContextFactory<PetitionDbContext> primary, IConfiguration configuration, DatabaseOptions options, IEnumerable<IInterceptor> interceptors)
    {
        _primary = primary;
        var replica = configuration.GetConnectionString("PostgresReplica");
        if (options.Provider == DatabaseProvider.Postgres && !string.IsNullOrWhiteSpace(replica))
        {
            var builder = new DbContextOptionsBuilder<PostgresPetitionDbContext>();
            DatabaseServiceExtensions.ConfigurePostgres(builder, DatabaseOptions.WithPoolDefaults(replica), Hosting.Shortcuts.From(configuration).Enabled)
                .AddInterceptors(interceptors);
            _replica = builder.Options;
        }
    }

    public bool UsesReplica => _replica is not null;

    public PetitionDbContext CreateDbContext() => _replica is null ? _primary.CreateDbContext() : new PostgresPetitionDbContext(_replica);
}
