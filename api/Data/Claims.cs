using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace PetitionGraph.Api.Data;

/// <summary>
/// Background work claimed through the database, so that it runs once however many instances look for it: the next
/// few rows that are due, then a conditional UPDATE of one of them — the condition is evaluated again under the row
/// lock, so of two instances one updates the row and the other none. Report runs and mail deliveries use it.
/// </summary>
public static class Claims
{
    /// <summary>Claims the first due row (by <paramref name="due"/>, then id) that no other instance took first; null when none.</summary>
    public static async Task<T?> ClaimNextAsync<T>(
        PetitionDbContext db, Expression<Func<T, bool>> claimable, Expression<Func<T, DateTime>> due, Action<UpdateSettersBuilder<T>> claim, CancellationToken ct)
        where T : class, IEntity
    {
        var candidates = await db.Set<T>().Where(claimable).OrderBy(due).ThenBy(e => e.Id).Select(e => e.Id).Take(5).ToListAsync(ct);
        foreach (var id in candidates)
        {
            if (await db.Set<T>().Where(e => e.Id == id).Where(claimable).ExecuteUpdateAsync(claim, ct) == 1)
            {
                return await db.Set<T>().FirstAsync(e => e.Id == id, ct);
            }
        }
        return null;
    }
}
