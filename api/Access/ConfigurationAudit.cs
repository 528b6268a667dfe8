using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.Access;

/// <summary>
/// Who changed the office's configuration: every create, change or delete of reference data (villages, leaders,
/// categories, units, teams), campaigns, closed periods, API clients, webhook and report subscriptions and reminder
/// mailboxes that a person makes through the API is an audit entry (CREATE, UPDATE with the fields changed, DELETE),
/// written in the change's own transaction where it has one. The background's own bookkeeping (a webhook cursor
/// moving, a scheduled period closing) is not a person's change and is not listed.
/// </summary>
public sealed class ConfigurationAudit(IHttpContextAccessor http, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<Type> Audited =
    [
        typeof(Villages.Village), typeof(Leaders.Leader), typeof(Categories.Category), typeof(Units.ResponsibleUnit), typeof(Settlement.SettlementWay), typeof(Teams.Team),
        typeof(Teams.TeamMember), typeof(Campaigns.Campaign), typeof(Periods.ClosedPeriod), typeof(ApiClient), typeof(Webhooks.WebhookSubscription),
        typeof(Reports.Mail.ReportSubscription), typeof(Reminders.ReminderMailbox),
    ];

    private sealed record Pending(Caller Caller, List<(EntityEntry Entry, string Action, string Fields, int Id)> Entries);

    private static readonly ConditionalWeakTable<DbContext, Pending> Saves = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PetitionDbContext db && Caller.From(http.HttpContext?.User) is { } caller)
        {
            var entries = db.ChangeTracker.Entries()
                .Where(e => Audited.Contains(e.Entity.GetType()) && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                .Select(e => (e, Action(e.State), Fields(e), ((IEntity)e.Entity).Id)).ToList();
            if (entries.Count > 0)
            {
                Saves.AddOrUpdate(db, new Pending(caller, entries));
            }
        }
        return ValueTask.FromResult(result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PetitionDbContext db && Saves.TryGetValue(db, out var pending))
        {
            Saves.Remove(db);
            var now = clock.GetUtcNow().UtcDateTime;
            db.AuditEntries.AddRange(pending.Entries.Select(e => new AuditEntry
            {
                At = now,
                Actor = pending.Caller.Name,
                Role = EnumNames.Name(pending.Caller.Role),
                Action = e.Action,
                // A created row's id is known only now; a deleted one's was read before the save.
                Subject = $"{e.Entry.Entity.GetType().Name}:{(e.Action == "DELETE" ? e.Id : ((IEntity)e.Entry.Entity).Id)}",
                Fields = e.Fields,
                Operation = "configuration",
            }));
            await db.SaveChangesAsync(cancellationToken);
        }
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
        {
            Saves.Remove(db);
        }
        await base.SaveChangesFailedAsync(eventData, cancellationToken);
    }

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
