namespace PetitionGraph.Api.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Which database this process talks to, decided once from configuration.</summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqlite = "Data Source=data/petitiongraph.db";

    /// <summary>PostgreSQL when ConnectionStrings:Postgres is set; otherwise the embedded SQLite file.</summary>
    public static DatabaseOptions From(IConfiguration configuration)
    {
        var postgres = configuration.GetConnectionString("Postgres");
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            return new DatabaseOptions(DatabaseProvider.Postgres, postgres);
        }
        return new DatabaseOptions(DatabaseProvider.Sqlite, configuration.GetConnectionString("Sqlite") ?? DefaultSqlite);
    }
}
