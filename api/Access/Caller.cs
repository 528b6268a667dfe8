using System.Security.Claims;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.Language;

namespace PetitionGraph.Api.Access;

/// <summary>
/// Who is asking, from the bearer token: a user name, one role, the unit of a UNIT account, the leader the account belongs to (for confidential
/// accusations and LEADER scope), the villages a VILLAGE_HANDLER serves, an integration client's scopes.
/// </summary>
public sealed record Caller(string Name, Role Role, int? LeaderId, IReadOnlyList<string> Villages, IReadOnlyList<string> Scopes)
{
    public const string RoleClaim = "role";
    public const string LeaderClaim = "leader";
    public const string VillagesClaim = "villages";
    public const string ScopeClaim = "scope";
    public const string UnitClaim = "unit";

    /// <summary>A UNIT account's unit (its code): the unit whose referrals it sees and answers.</summary>
    public string? Unit { get; init; }

    /// <summary>The process itself (CLI verbs, the scheduler): every case, no one accused.</summary>
    public static Caller System { get; } = new("system", Role.Office, null, [], []);

    public bool MayReadPersonalData => PersonalDataPolicy.MayReadPersonalData(Role);

    /// <summary>Who owns what this caller creates for itself (idempotency keys): role and token subject.</summary>
    public string OwnerKey => EnumNames.Name(Role) + ":" + Name;

    /// <summary>Why a signed-in user is still no caller (a token with several roles), or null.</summary>
    public static Msg? Problem(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true && user.FindAll(RoleClaim).Skip(1).Any()
            ? new Msg("令牌中含有多个角色；一个账号一次只能以一个角色操作，请为每个角色分别签发令牌。",
                "The token carries several roles; an account acts in one role at a time, so issue one token per role.")
            : null;

    public static Caller? From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true || user.FindFirst(RoleClaim)?.Value is not { } roleName
            || !EnumNames.TryParse<Role>(roleName, out var role) || user.FindAll(RoleClaim).Skip(1).Any())
        {
            return null;
        }
        var name = user.FindFirst("sub")?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? user.Identity.Name ?? "unknown";
        var leader = int.TryParse(user.FindFirst(LeaderClaim)?.Value, global::System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : (int?)null;
        var villages = (user.FindFirst(VillagesClaim)?.Value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var scopes = (user.FindFirst(ScopeClaim)?.Value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new Caller(name, role, leader, villages, scopes) { Unit = user.FindFirst(UnitClaim)?.Value is { Length: > 0 } unit ? unit : null };
    }
}
