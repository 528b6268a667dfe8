using PetitionGraph.Api.Hosting;

namespace PetitionGraph.Api.Access;

/// <summary>
/// Demo mode: a signing key generated into <see cref="AuthOptions.KeyFile"/>, a ready-made token per role printed on
/// start, and the synthetic demo data loaded into an empty database. Only where the operator asked for it — the
/// Development environment (the launch profile that <c>dotnet run --project api</c> uses) or <c>Demo:Enabled=true</c>.
/// Anywhere else the service refuses to start without <c>Auth:SigningKey</c> or <c>Auth:Authority</c>.
/// </summary>
public sealed record DemoMode(bool Enabled, DateTimeOffset? Now = null)
{
    /// <summary>The instant the demo data describes (its history ends the day before): 1 November 2026, 08:00 office time.</summary>
    public static readonly DateTimeOffset ReferenceInstant = new(2026, 11, 1, 8, 0, 0, TimeSpan.FromHours(8));

    /// <summary>
    /// In demo mode the office clock stands at <c>Demo:Now</c> — the demo data's reference instant unless set, or the
    /// real clock with <c>Demo:Now=real</c> — so that every example in the README gives the output it shows on any day.
    /// </summary>
    public static DemoMode From(IConfiguration configuration, IHostEnvironment environment)
    {
        var enabled = configuration.GetValue<bool?>("Demo:Enabled") ?? environment.IsDevelopment();
        var setting = configuration["Demo:Now"];
        DateTimeOffset? now = !enabled || string.Equals(setting, "real", StringComparison.OrdinalIgnoreCase) ? null
            : string.IsNullOrWhiteSpace(setting) ? ReferenceInstant
            : DateTimeOffset.TryParse(setting, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at) ? at
            : throw new StartupException(new Language.Msg($"Demo:Now “{setting}”既不是时刻（例如 2026-11-01T08:00:00+08:00），也不是 'real'。",
                $"Demo:Now '{setting}' is not an instant (e.g. 2026-11-01T08:00:00+08:00) or 'real'."));
        return new DemoMode(enabled, now);
    }

    /// <summary>Throws, saying exactly what to set, when tokens could not be verified in this mode.</summary>
    public void RequireTokenSetup(AuthOptions options, string environmentName)
    {
        if (Enabled || !string.IsNullOrWhiteSpace(options.SigningKey) || !string.IsNullOrWhiteSpace(options.Authority))
        {
            return;
        }
        throw new StartupException(new Language.Msg(
            $"未配置令牌校验方式（运行环境：{environmentName}）。请将 Auth:SigningKey 设为至少 32 字节的随机 base64 密钥" +
            "（环境变量 Auth__SigningKey；例如 `openssl rand -base64 32`），或将 Auth:Authority 设为你的 OpenID Connect 签发方（Auth__Authority）。" +
            "若只在本机试用（自动生成密钥、打印令牌并载入演示数据），请以演示模式运行：ASPNETCORE_ENVIRONMENT=Development 或 Demo__Enabled=true。",
            $"No way to verify tokens is configured (environment: {environmentName}). Set Auth:SigningKey to a random base64 key of at least 32 bytes " +
            "(environment variable Auth__SigningKey; e.g. `openssl rand -base64 32`), or Auth:Authority to your OpenID Connect issuer (Auth__Authority). " +
            "For a local trial with a generated key, printed tokens and demo data, run in demo mode: ASPNETCORE_ENVIRONMENT=Development or Demo__Enabled=true."));
    }
}
