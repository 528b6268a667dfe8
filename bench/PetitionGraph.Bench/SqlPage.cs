using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace PetitionGraph.Bench;

/// <summary>The hand-written SQL that builds the same response as the GraphQL query, run through Npgsql.</summary>
public sealed class SqlPage(NpgsqlDataSource dataSource, string sql)
{
    /// <summary>PetitionGraph's cursor signature for "openedAt DESC, then id" (mirrors SortPlan).</summary>
    public static string Signature { get; } =
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("openedAt:DESC,id:ASC")), 0, 4);

    public async Task<string> ReadAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("signature", Signature);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
