using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PetitionGraph.Api.Data;

/// <summary>
/// An interceptor that looks at a save before it runs (<see cref="BeforeSaveAsync"/>: what to write afterwards, or
/// null) and writes that after it, inside the transaction the save shares with the other such interceptors
/// (<see cref="SaveTransaction"/>), so the change and what is written about it commit together. A failed or
/// cancelled save drops the work and rolls back; what a save that never finished left behind (a pooled context used
/// again) is dropped at the next save.
/// </summary>
public abstract class AfterSaveInterceptor<TPending> : SaveChangesInterceptor where TPending : class
{
    private readonly ConditionalWeakTable<DbContext, TPending> _pending = [];

    /// <summary>What to write once this save has run; null for nothing (then no transaction is begun for it).</summary>
    protected abstract ValueTask<TPending?> BeforeSaveAsync(PetitionDbContext db, CancellationToken ct);

    /// <summary>Writes it, after the save, in the save's transaction (ids the save generated are known now).</summary>
    protected abstract Task AfterSaveAsync(PetitionDbContext db, TPending pending, CancellationToken ct);

    public sealed override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PetitionDbContext db)
        {
            _pending.Remove(db);
            if (await BeforeSaveAsync(db, cancellationToken) is { } pending)
            {
                await SaveTransaction.JoinAsync(db, cancellationToken);
                _pending.AddOrUpdate(db, pending);
            }
        }
        return result;
    }

    public sealed override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PetitionDbContext db && _pending.TryGetValue(db, out var pending))
        {
            _pending.Remove(db);
            await AfterSaveAsync(db, pending, cancellationToken);
            await SaveTransaction.LeaveAsync(db, cancellationToken);
        }
        return result;
    }

    public sealed override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        AbandonAsync(eventData.Context);

    public sealed override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        AbandonAsync(eventData.Context);

    private async Task AbandonAsync(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out _))
        {
            _pending.Remove(context);
            await SaveTransaction.AbandonAsync(context);
        }
    }
}
