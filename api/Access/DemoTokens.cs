using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.Access;

/// <summary>
/// On the embedded default (a generated development key), the first lines a newcomer sees: a ready-made token per
/// role, so they can query at once while every request without a token is still refused.
/// </summary>
public static class DemoTokens
{
    /// <summary>The subject of a role's demo token (demo-office, demo-village, …); `token --role R` uses the same one.</summary>
    public static string UserFor(Role role) => role switch
    {
        Role.VillageHandler => "demo-village",
        _ => "demo-" + EnumNames.Name(role).ToLowerInvariant(),
    };

    public static async Task<IReadOnlyList<(Role Role, string Note, string Token)>> IssueAsync(IServiceProvider services, CancellationToken ct)
    {
        var issuer = services.GetRequiredService<TokenIssuer>();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
        // The demo handler serves the two villages with the most steps falling due around now (the reminder window), so
        // that their work list and reminders have something in them; ties by village order.
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var from = now.AddDays(-30);
        var until = now.AddDays(7);
        var villages = await db.Villages
            .OrderByDescending(v => db.Cases.Count(c => c.VillageId == v.Id && c.NextDueAt >= from && c.NextDueAt < until)).ThenBy(v => v.Id)
            .Select(v => v.Code).Take(2).ToListAsync(ct);
        var leader = await db.LeaderAssignments.Where(a => a.To == null).GroupBy(a => a.LeaderId)
            .OrderByDescending(g => g.Count()).Select(g => (int?)g.Key).FirstOrDefaultAsync(ct);
        var unit = await db.ResponsibleUnits.OrderBy(u => u.Id).Select(u => u.Code).FirstOrDefaultAsync(ct);
        var hours = TimeSpan.FromDays(30);
        return
        [
            (Role.Office, "all cases, personal data (audited)", issuer.Issue(UserFor(Role.Office), Role.Office, lifetime: hours)),
            (Role.Analyst, "all cases and statistics, names masked", issuer.Issue(UserFor(Role.Analyst), Role.Analyst, lifetime: hours)),
            (Role.Admin, "reference data, campaigns, audit trail", issuer.Issue(UserFor(Role.Admin), Role.Admin, lifetime: hours)),
            (Role.VillageHandler, $"cases of villages {string.Join(", ", villages)}", issuer.Issue(UserFor(Role.VillageHandler), Role.VillageHandler, villages: villages, lifetime: hours)),
            (Role.Leader, $"cases assigned to leader {leader}", issuer.Issue(UserFor(Role.Leader), Role.Leader, leaderId: leader, lifetime: hours)),
            (Role.Unit, $"cases referred to unit {unit}", issuer.Issue(UserFor(Role.Unit), Role.Unit, lifetime: hours, unit: unit)),
        ];
    }
}
