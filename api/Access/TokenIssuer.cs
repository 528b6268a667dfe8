using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.Access;

/// <summary>
/// The signing key of self-issued tokens and the issuing itself (the <c>token</c> verb, the demo tokens printed on
/// start). With an OpenID Connect <see cref="AuthOptions.Authority"/>, tokens come from that provider instead.
/// </summary>
public sealed class TokenIssuer(AuthOptions options, DemoMode demo)
{
    private readonly Lazy<(SymmetricSecurityKey Key, bool Development)> _key = new(() => LoadKey(options, demo));

    public SymmetricSecurityKey Key => _key.Value.Key;

    /// <summary>The key was generated for this installation, not configured: fine for the embedded default only.</summary>
    public bool UsesDevelopmentKey => _key.Value.Development;

    public string Issue(string user, Role role, int? leaderId = null, IReadOnlyList<string>? villages = null, TimeSpan? lifetime = null, string? unit = null)
    {
        var claims = new List<Claim> { new("sub", user), new(Caller.RoleClaim, EnumNames.Name(role)) };
        if (unit is { Length: > 0 })
        {
            claims.Add(new Claim(Caller.UnitClaim, unit));
        }
        if (leaderId is { } leader)
        {
            claims.Add(new Claim(Caller.LeaderClaim, leader.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (villages is { Count: > 0 })
        {
            claims.Add(new Claim(Caller.VillagesClaim, string.Join(',', villages)));
        }
        // Wall-clock time, as the validator uses: the office clock (TimeProvider) may be set to another day in tests.
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now + (lifetime ?? TimeSpan.FromHours(options.TokenHours)),
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        });
    }

    private static (SymmetricSecurityKey, bool) LoadKey(AuthOptions options, DemoMode demo)
    {
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            byte[] configured;
            try
            {
                configured = Convert.FromBase64String(options.SigningKey.Trim());
            }
            catch (FormatException)
            {
                throw new Hosting.StartupException(new Language.Msg("Auth:SigningKey 不是有效的 base64；可用 `openssl rand -base64 32` 生成。",
                    "Auth:SigningKey is not valid base64; generate one with `openssl rand -base64 32`."));
            }
            if (configured.Length < 32)
            {
                throw new Hosting.StartupException(new Language.Msg("Auth:SigningKey 至少须为 32 字节（base64），例如 `openssl rand -base64 32`。",
                    "Auth:SigningKey must be at least 32 bytes (base64), e.g. `openssl rand -base64 32`."));
            }
            return (new SymmetricSecurityKey(configured), false);
        }
        if (!demo.Enabled)
        {
            throw new Hosting.StartupException(new Language.Msg("未设置 Auth:SigningKey；只有演示模式（ASPNETCORE_ENVIRONMENT=Development 或 Demo__Enabled=true）才会自动生成密钥。",
                "Auth:SigningKey is not set; a key is generated only in demo mode (ASPNETCORE_ENVIRONMENT=Development or Demo__Enabled=true)."));
        }
        var path = Path.GetFullPath(options.KeyFile);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        return (new SymmetricSecurityKey(Convert.FromBase64String(File.ReadAllText(path).Trim())), true);
    }
}
