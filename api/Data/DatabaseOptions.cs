using System.Data.Common;
using Npgsql;

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

    /// <summary>
    /// Statements Npgsql prepares on each connection once they have run five times, unless the connection string says
    /// otherwise. The API sends the same few statement shapes over and over; prepared, PostgreSQL stops parsing and
    /// planning them (the nested cases page spent ~0.8 ms of server CPU planning, more than executing; BENCHMARKS.md).
    /// Behind a pooler in transaction mode (PgBouncer), set <c>Max Auto Prepare=0</c>.
    /// </summary>
    public const int DefaultMaxAutoPrepare = 64;

    /// <summary>PostgreSQL when ConnectionStrings:Postgres is set; otherwise the embedded SQLite file.</summary>
    public static DatabaseOptions From(IConfiguration configuration)
    {
        var postgres = configuration.GetConnectionString("Postgres");
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            return new DatabaseOptions(DatabaseProvider.Postgres, WithAutoPrepare(postgres));
        }
        return new DatabaseOptions(DatabaseProvider.Sqlite, configuration.GetConnectionString("Sqlite") ?? DefaultSqlite);
    }

    /// <summary>The connection string with <see cref="DefaultMaxAutoPrepare"/> unless it sets Max Auto Prepare itself.</summary>
    public static string WithAutoPrepare(string connectionString)
    {
        // Npgsql's own builder answers ContainsKey for every keyword it knows, set or not: read the keys as written.
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (written.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
        {
            return connectionString;
        }
        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = DefaultMaxAutoPrepare }.ConnectionString;
    }
}
