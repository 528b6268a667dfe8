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
            return new DatabaseOptions(DatabaseProvider.Postgres, WithPoolDefaults(postgres));
        }
        return new DatabaseOptions(DatabaseProvider.Sqlite, configuration.GetConnectionString("Sqlite") ?? DefaultSqlite);
    }

    /// <summary>
    /// The connection string with <see cref="DefaultMaxAutoPrepare"/> and <c>No Reset On Close</c>, each unless the
    /// connection string sets it itself. The API sets no session state (no SET, LISTEN or temporary tables), so a
    /// pooled connection need not be reset when it is returned; with prepared statements the reset is a statement of
    /// its own (~0.2 ms of server CPU, twice for an audited page). Open transactions are still rolled back by Npgsql.
    /// </summary>
    public static string WithPoolDefaults(string connectionString)
    {
        // Npgsql's own builder answers ContainsKey for every keyword it knows, set or not: read the keys as written.
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()).ToHashSet();
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!written.Contains("MAXAUTOPREPARE"))
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }
        if (!written.Contains("NORESETONCLOSE"))
        {
            builder.NoResetOnClose = true;
        }
        return builder.ConnectionString;
    }
}
