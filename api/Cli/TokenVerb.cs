using PetitionGraph.Api.Access;
using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.Cli;

/// <summary><c>token --role ROLE [--user NAME] [--leader ID] [--villages CODE,CODE] [--hours N]</c>: a signed development token.</summary>
public static class TokenVerb
{
    public static async Task<int> RunAsync(IServiceProvider services, CliArguments args, TextWriter output)
    {
        var roleName = (args.Get("role") ?? "").Trim().ToUpperInvariant();
        if (!EnumNames.TryParse<Role>(roleName, out var role))
        {
            await output.WriteLineAsync($"--role must be one of {string.Join(", ", Enum.GetValues<Role>().Select(r => EnumNames.Name(r)))}.");
            return 2;
        }
        var issuer = services.GetRequiredService<TokenIssuer>();
        if (services.GetRequiredService<AuthOptions>().Authority is { Length: > 0 } authority)
        {
            await output.WriteLineAsync($"Tokens come from the OpenID Connect provider {authority}; this command signs only with Auth:SigningKey.");
            return 2;
        }
        var leader = int.TryParse(args.Get("leader"), System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : (int?)null;
        var villages = (args.Get("villages") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var token = issuer.Issue(args.Get("user") ?? "demo", role, leader, villages, TimeSpan.FromHours(args.GetInt("hours", 12)));
        await output.WriteLineAsync(token);
        return 0;
    }
}
