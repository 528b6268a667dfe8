using PetitionGraph.Api.Access;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.Language;

namespace PetitionGraph.Api.Cli;

/// <summary><c>token --role ROLE [--user NAME] [--leader ID] [--villages CODE,CODE] [--unit CODE] [--hours N]</c>: a signed development token.</summary>
public static class TokenVerb
{
    public static async Task<int> RunAsync(IServiceProvider services, CliArguments args, TextWriter output, CancellationToken ct)
    {
        var roleName = (args.Value("role") ?? "").Trim().ToUpperInvariant();
        if (!EnumNames.TryParse<Role>(roleName, out var role))
        {
            var roles = string.Join(", ", Enum.GetValues<Role>().Select(r => EnumNames.Name(r)));
            throw new CliUsageException(new Msg($"--role 须为以下之一：{roles}。", $"--role must be one of {roles}."));
        }
        var issuer = services.GetRequiredService<TokenIssuer>();
        if (services.GetRequiredService<AuthOptions>().Authority is { Length: > 0 } authority)
        {
            await output.WriteLineAsync(args.Say(new Msg($"令牌由 OpenID Connect 提供方 {authority} 签发；本命令只能用 Auth:SigningKey 签名。",
                $"Tokens come from the OpenID Connect provider {authority}; this command signs only with Auth:SigningKey.")));
            return 2;
        }
        var leader = args.Has("leader") ? args.GetInt("leader", 0, 1) : (int?)null;
        var villages = (args.Value("villages") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unit = args.Value("unit")?.Trim();
        if (role == Role.Unit && string.IsNullOrEmpty(unit))
        {
            throw new CliUsageException(new Msg("--role UNIT 需要 --unit CODE：该账号答复其转办事项的责任单位。", "--role UNIT needs --unit CODE: the responsible unit whose referrals the account answers."));
        }
        var token = issuer.Issue(args.Value("user") ?? DemoTokens.UserFor(role), role, leader, villages, TimeSpan.FromHours(args.GetInt("hours", 12, 1, 24 * 366)), unit);
        await output.WriteLineAsync(token);
        return 0;
    }
}
