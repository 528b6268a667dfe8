using System.Security.Cryptography;
using System.Text;
using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.Access;

/// <summary>
/// A district system that calls the API with an API key (<c>X-Api-Key</c>). Only the key's SHA-256 is stored; the key
/// itself is shown once, when the client is created. Scopes: cases:read, statistics:read, petitions:write.
/// </summary>
public sealed class ApiClient : IEntity
{
    public static readonly IReadOnlyDictionary<string, string[]> ScopeFields = new Dictionary<string, string[]>
    {
        ["cases:read"] = ["cases", "caseByNumber", "node", "nodes", "petitions", "petitioners", "leaders", "villages", "categories"],
        ["statistics:read"] = ["statistics", "stockAt", "keyCases", "campaigns"],
        ["petitions:write"] = ["registerPetition"],
    };

    public int Id { get; set; }
    public required string Name { get; set; }
    public required string KeyHash { get; set; }
    /// <summary>Space-separated.</summary>
    public required string Scopes { get; set; }
    public DateTime CreatedAt { get; set; }
    public bool Active { get; set; } = true;

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string NewKey() => "pgk_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
