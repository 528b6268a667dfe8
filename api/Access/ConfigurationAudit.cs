using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.Access;

/// <summary>
/// Who changed the office's configuration: every create, change or delete of reference data (villages, leaders,
/// categories, units, teams), campaigns, closed periods, API clients, webhook and report subscriptions and reminder
/// mailboxes that a person makes through the API is an audit entry (CREATE, UPDATE with the fields changed, DELETE),
/// written in the change's own transaction where it has one. The background's own bookkeeping (a webhook cursor
/// moving, a scheduled period closing) is not a person's change and is not listed.
/// </summary>
public sealed class ConfigurationAudit(IHttpContextAccessor http, TimeProvider clock) : AfterSaveInterceptor<ConfigurationAudit.Pending>
{
    private static readonly HashSet<Type> Audited =
    [
        typeof(Villages.Village), typeof(Leaders.Leader), typeof(Categories.Category), typeof(Units.ResponsibleUnit), typeof(Settlement.SettlementWay), typeof(Teams.Team),
        typeof(Teams.TeamMember), typeof(Campaigns.Campaign), typeof(Campaigns.CampaignCase), typeof(Campaigns.DistrictFigure), typeof(Periods.ClosedPeriod), typeof(ApiClient), typeof(Webhooks.WebhookSubscription),
        typeof(Reports.Mail.ReportSubscription), typeof(Reminders.ReminderMailbox),
    ];

    /// <summary>Entries for rows this save creates: their ids are known only after it.</summary>
    public sealed record Pending(List<(EntityEntry Created, AuditEntry Entry)> Created);

    // The entries are part of the same save (an update's or a delete's subject is known before it); a created row's
    // subject is filled in after the save, in the transaction the save shares with the change feed. Never a nested
    // SaveChanges: it would run every interceptor again on half-finished state.
    protected override ValueTask<Pending?> BeforeSaveAsync(PetitionDbContext db, CancellationToken ct)
    {
        if (Caller.From(http.HttpContext?.User) is not { } caller)
        {
            return ValueTask.FromResult<Pending?>(null);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var created = new List<(EntityEntry, AuditEntry)>();
        foreach (var entry in db.ChangeTracker.Entries()
            .Where(e => Audited.Contains(e.Entity.GetType()) && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList())
        {
            var audit = new AuditEntry
            {
                At = now,
                Actor = caller.Name,
                Role = EnumNames.Name(caller.Role),
                Action = Action(entry.State),
                Subject = Subject(entry),
                Fields = Fields(entry),
                Operation = "configuration",
            };
            db.AuditEntries.Add(audit);
            if (entry.State == EntityState.Added)
            {
                created.Add((entry, audit));
            }
        }
        return ValueTask.FromResult(created.Count > 0 ? new Pending(created) : null);
    }

    protected override async Task AfterSaveAsync(PetitionDbContext db, Pending pending, CancellationToken ct)
    {
        foreach (var (entry, audit) in pending.Created)
        {
            var subject = Subject(entry);
            await db.AuditEntries.Where(a => a.Id == audit.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Subject, subject), ct);
            var tracked = db.Entry(audit).Property(a => a.Subject);
            tracked.CurrentValue = subject;
            tracked.OriginalValue = subject;
        }
    }

    private static string Subject(EntityEntry entry) => entry.Entity switch
    {
        Campaigns.CampaignCase listed => $"Campaign:{listed.CampaignId}/Case:{listed.CaseId}",
        IEntity entity => $"{entity.GetType().Name}:{entity.Id}",
        var other => other.GetType().Name,
    };

    private static string Action(EntityState state) => state switch
    {
        EntityState.Added => "CREATE",
        EntityState.Deleted => "DELETE",
        _ => "UPDATE",
    };

    /// <summary>The columns a change touched (secrets by name only: values are never written).</summary>
    private static string Fields(EntityEntry entry) => entry.State == EntityState.Modified
        ? string.Join(",", entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name))
        : "*";
}
