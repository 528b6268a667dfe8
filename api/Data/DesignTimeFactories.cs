using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PetitionGraph.Api.Data;

/// <summary>Used only by <c>dotnet ef migrations add</c>; the running app configures contexts from configuration.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePetitionDbContext>
{
    public SqlitePetitionDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqlitePetitionDbContext>();
        DatabaseServiceExtensions.ConfigureSqlite(builder, "Data Source=design-time.db");
        return new SqlitePetitionDbContext(builder.Options);
    }
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPetitionDbContext>
{
    public PostgresPetitionDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresPetitionDbContext>();
        DatabaseServiceExtensions.ConfigurePostgres(builder, "Host=127.0.0.1;Database=design_time");
        return new PostgresPetitionDbContext(builder.Options);
    }
}
