using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.Access;

/// <summary>
/// On the embedded default (a generated development key), the first lines a newcomer sees: a ready-made token per
/// role, so they can query at once while every request without a token is still refused.
/// </summary>
public static class DemoTokens
{
    public static async Task<IReadOnlyList<(Role Role, string Note, string Token)>> IssueAsync(IServiceProvider services, CancellationToken ct)
    {
        var issuer = services.GetRequiredService<TokenIssuer>();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
        var villages = await db.Villages.OrderBy(v => v.Id).Select(v => v.Code).Take(2).ToListAsync(ct);
        var leader = await db.LeaderAssignments.Where(a => a.To == null).GroupBy(a => a.LeaderId)
            .OrderByDescending(g => g.Count()).Select(g => (int?)g.Key).FirstOrDefaultAsync(ct);
        var hours = TimeSpan.FromDays(30);
        return
        [
            (Role.Office, "all cases, personal data (audited)", issuer.Issue("demo-office", Role.Office, lifetime: hours)),
            (Role.Analyst, "all cases and statistics, names masked", issuer.Issue("demo-analyst", Role.Analyst, lifetime: hours)),
            (Role.Admin, "reference data, campaigns, audit trail", issuer.Issue("demo-admin", Role.Admin, lifetime: hours)),
            (Role.VillageHandler, $"cases of villages {string.Join(", ", villages)}", issuer.Issue("demo-village", Role.VillageHandler, villages: villages, lifetime: hours)),
            (Role.Leader, $"cases assigned to leader {leader}", issuer.Issue("demo-leader", Role.Leader, leaderId: leader, lifetime: hours)),
        ];
    }
}
