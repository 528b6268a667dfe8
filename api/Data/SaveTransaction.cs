using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace PetitionGraph.Api.Data;

/// <summary>
/// One transaction around a SaveChanges and what the interceptors write after it (the change feed, the
/// configuration audit), so the change and its records commit together. The first interceptor that needs it
/// begins it, unless the caller already holds one; each releases it in SavedChanges and the last one commits.
/// A failed or cancelled save rolls it back. State left by a save that never finished (a pooled context reused after
/// a cancellation) is recognised as stale — its transaction is no longer the context's — and dropped.
/// </summary>
internal static class SaveTransaction
{
    private sealed class Holder(IDbContextTransaction transaction)
    {
        public IDbContextTransaction Transaction { get; } = transaction;
        public int Users { get; set; } = 1;
    }

    private static readonly ConditionalWeakTable<DbContext, Holder> Held = [];

    public static async Task JoinAsync(DbContext db, CancellationToken ct)
    {
        if (Held.TryGetValue(db, out var held))
        {
            if (ReferenceEquals(held.Transaction, db.Database.CurrentTransaction))
            {
                held.Users++;
                return;
            }
            Held.Remove(db);
        }
        if (db.Database.CurrentTransaction is null)
        {
            Held.AddOrUpdate(db, new Holder(await db.Database.BeginTransactionAsync(ct)));
        }
    }

    public static async Task LeaveAsync(DbContext db, CancellationToken ct)
    {
        if (Held.TryGetValue(db, out var held) && --held.Users == 0)
        {
            Held.Remove(db);
            await held.Transaction.CommitAsync(ct);
            await held.Transaction.DisposeAsync();
        }
    }

    public static async Task AbandonAsync(DbContext db)
    {
        if (Held.TryGetValue(db, out var held))
        {
            Held.Remove(db);
            await held.Transaction.RollbackAsync(CancellationToken.None);
            await held.Transaction.DisposeAsync();
        }
    }
}
