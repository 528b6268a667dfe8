using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PetitionGraph.Api.Campaigns;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Categories;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.Leaders;
using PetitionGraph.Api.Petitions;
using PetitionGraph.Api.Villages;

namespace PetitionGraph.Api.Changes;

/// <summary>
/// Writes the change feed from what a SaveChanges saves — case events, repeat petitions, reference data — in the same
/// transaction (one is begun for a SaveChanges that has none, and committed after it). Nothing is recorded for a save
/// that fails or a transaction that rolls back, and every change that commits is recorded: the feed is the outbox the
/// webhooks deliver from. Bulk writers (the ledger import) append to <see cref="ChangeLog"/> themselves.
/// </summary>
public sealed class ChangeRecorder(TimeProvider clock) : AfterSaveInterceptor<ChangeRecorder.Pending>
{
    protected override ValueTask<Pending?> BeforeSaveAsync(PetitionDbContext db, CancellationToken ct) =>
        ValueTask.FromResult(Collect(db) is { Count: > 0 } entries ? new Pending(entries) : null);

    protected override async Task AfterSaveAsync(PetitionDbContext db, Pending pending, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await ChangeLog.AppendAsync(db, [.. pending.Entries.Select(e => e(now))], ct);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        eventData.Context is PetitionDbContext db && Collect(db).Count > 0
            ? throw new InvalidOperationException("Changes that enter the change feed are saved with SaveChangesAsync.")
            : result;

    /// <summary>What this save will change, as functions of the commit instant (ids are known only after the save).</summary>
    private static List<Func<DateTime, Change>> Collect(PetitionDbContext db)
    {
        var entries = new List<Func<DateTime, Change>>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (Describe(entry) is { } change)
            {
                entries.Add(change);
            }
        }
        return entries;
    }

    private static Func<DateTime, Change>? Describe(EntityEntry entry) => (entry.Entity, entry.State) switch
    {
        (CaseEvent e, EntityState.Added) => at => new Change
        {
            At = at,
            Kind = Enum.Parse<ChangeKind>(e.Kind.ToString()),
            CaseId = e.CaseId,
            EntityType = nameof(Case),
            EntityId = e.CaseId,
            EventId = e.Id,
        },
        (Petition { IsFirst: false } p, EntityState.Added) => at => new Change
        {
            At = at,
            Kind = ChangeKind.PetitionReceived,
            CaseId = p.CaseId,
            EntityType = nameof(Petition),
            EntityId = p.Id,
        },
        (Village v, EntityState.Added or EntityState.Modified) => at => Reference(at, ChangeKind.VillageChanged, nameof(Village), v.Id),
        (Leader l, EntityState.Added or EntityState.Modified) => at => Reference(at, ChangeKind.LeaderChanged, nameof(Leader), l.Id),
        (Category c, EntityState.Added or EntityState.Modified) => at => Reference(at, ChangeKind.CategoryChanged, nameof(Category), c.Id),
        (Campaign c, EntityState.Added or EntityState.Modified) => at => Reference(at, ChangeKind.CampaignChanged, nameof(Campaign), c.Id),
        _ => null,
    };

    private static Change Reference(DateTime at, ChangeKind kind, string type, int id) => new() { At = at, Kind = kind, EntityType = type, EntityId = id };

    public sealed record Pending(List<Func<DateTime, Change>> Entries);
}
