using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.Seeding;

/// <summary>
/// Writes many rows fast: binary COPY on PostgreSQL, prepared batched INSERTs on SQLite. Table and column
/// names and value conversions come from the EF Core model, so they cannot drift from the migrations.
/// </summary>
public sealed class BulkWriter(PetitionDbContext db)
{
    public async Task WriteAsync<T>(IReadOnlyCollection<T> rows, CancellationToken cancellationToken) where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }
        var table = TableOf<T>();
        var connection = db.Database.GetDbConnection();
        if (connection is NpgsqlConnection npgsql)
        {
            await CopyAsync(npgsql, table, rows, cancellationToken);
        }
        else
        {
            await InsertAsync(connection, table, rows, cancellationToken);
        }
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, Table table, IEnumerable<T> rows, CancellationToken ct)
    {
        var columns = string.Join(", ", table.Columns.Select(c => Quote(c.Name)));
        await using var import = await connection.BeginBinaryImportAsync($"COPY {Quote(table.Name)} ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await import.StartRowAsync(ct);
            foreach (var column in table.Columns)
            {
                var value = column.Read(row!);
                if (value is null)
                {
                    await import.WriteNullAsync(ct);
                }
                else
                {
                    await import.WriteAsync(value, column.PostgresType, ct);
                }
            }
        }
        await import.CompleteAsync(ct);
    }

    private async Task InsertAsync<T>(DbConnection connection, Table table, IEnumerable<T> rows, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"INSERT INTO {Quote(table.Name)} ({string.Join(", ", table.Columns.Select(c => Quote(c.Name)))}) " +
            $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => "@p" + i))})";
        var parameters = table.Columns.Select((_, i) =>
        {
            var p = command.CreateParameter();
            p.ParameterName = "@p" + i;
            command.Parameters.Add(p);
            return p;
        }).ToArray();
        await command.PrepareAsync(ct);
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = table.Columns[i].Read(row!) ?? DBNull.Value;
            }
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private Table TableOf<T>()
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var name = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(name, entity.GetSchema());
        var columns = entity.GetProperties().Select(p => new Column(p.GetColumnName(store)!, p)).ToList();
        return new Table(name, columns);
    }

    private sealed record Table(string Name, IReadOnlyList<Column> Columns);

    private sealed class Column(string name, IProperty property)
    {
        private readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? _converter = property.GetTypeMapping().Converter;
        private readonly IClrPropertyGetter _getter = property.GetGetter();

        public string Name { get; } = name;

        public NpgsqlDbType PostgresType { get; } = (Nullable.GetUnderlyingType(property.GetTypeMapping().Converter?.ProviderClrType ?? property.ClrType)
            ?? property.GetTypeMapping().Converter?.ProviderClrType ?? property.ClrType) switch
        {
            var t when t == typeof(string) => NpgsqlDbType.Text,
            var t when t == typeof(int) => NpgsqlDbType.Integer,
            var t when t == typeof(long) => NpgsqlDbType.Bigint,
            var t when t == typeof(bool) => NpgsqlDbType.Boolean,
            var t when t == typeof(DateTime) => NpgsqlDbType.TimestampTz,
            var t when t == typeof(decimal) => NpgsqlDbType.Numeric,
            var t => throw new NotSupportedException($"Bulk writing {t.Name} is not supported."),
        };

        public object? Read(object row)
        {
            var value = _getter.GetClrValueUsingContainingEntity(row);
            return value is null || _converter is null ? value : _converter.ConvertToProvider(value);
        }
    }
}
