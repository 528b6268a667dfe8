namespace PetitionGraph.Api.Access;

/// <summary>Configuration section <c>Auth</c>: who signs the bearer tokens this API accepts.</summary>
public sealed record AuthOptions
{
    /// <summary>An OpenID Connect issuer (its discovery document gives the keys); when set, SigningKey is not used.</summary>
    public string? Authority { get; init; }
    public string Issuer { get; init; } = "petitiongraph";
    public string Audience { get; init; } = "petitiongraph";
    /// <summary>HMAC key (at least 32 bytes, base64). Empty: a development key is generated once into KeyFile.</summary>
    public string? SigningKey { get; init; }
    public string KeyFile { get; init; } = "data/dev-signing-key";
    public int TokenHours { get; init; } = 12;
    /// <summary>Print a ready-made token per role on start (only with the development key).</summary>
    public bool PrintDemoTokens { get; init; } = true;

    public static AuthOptions From(IConfiguration configuration) => configuration.GetSection("Auth").Get<AuthOptions>() ?? new AuthOptions();
}
