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
    /// <summary>The user an API client's requests run as: the INTEGRATION role with the client's scopes.</summary>
    public static System.Security.Claims.ClaimsPrincipal Principal(string name, string scopes, string authenticationType) => new(
        new System.Security.Claims.ClaimsIdentity(
            [new("sub", name), new(Caller.RoleClaim, Data.EnumNames.Name(Role.Integration)), new(Caller.ScopeClaim, scopes)],
            authenticationType, "sub", Caller.RoleClaim));

    public static readonly IReadOnlyDictionary<string, string[]> ScopeFields = new Dictionary<string, string[]>
    {
        ["cases:read"] = ["cases", "caseByNumber", "node", "nodes", "petitions", "petitioners", "leaders", "villages", "categories", "changes", "caseChanged"],
        ["statistics:read"] = ["statistics", "stockAt", "keyCases", "campaigns"],
        ["petitions:write"] = ["registerPetition"],
        // No GraphQL field: the Prometheus scrape endpoint /metrics (counts and timings, never case data).
        ["metrics:read"] = [],
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
