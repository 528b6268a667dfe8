using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.GraphQL.DataLoading;

/// <summary>An item of a to-many relation together with the key of the parent it belongs to.</summary>
public sealed class Linked<T>
{
    public int ParentId { get; init; }
    public required T Item { get; init; }
}

/// <summary>Batch loaders for relations: one SQL statement per relation per level of the query.</summary>
public static class EntityLoaders
{
    /// <summary>A to-one relation, or a node by id. Rows outside the caller's scope load as null.</summary>
    public static IDataLoaderResult<T?> LoadById<T>(this IResolveFieldContext context, int id) where T : class, IEntity
    {
        var db = context.Db();
        var scope = context.Scope().For<T>();
        return context.Loaders().GetOrAdd<int, T?>(
            typeof(T).Name + ":byId",
            async (ids, ct) =>
            {
                var keys = ids.ToArray();
                return await db.Set<T>().Where(scope).Where(e => keys.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => (T?)e, ct);
            },
            missing: null).Load(id);
    }

    /// <summary>
    /// A short to-many relation (a case's petitions, petitioners, leaders…) as a plain list.
    /// <paramref name="query"/> returns the items of all the parents asked for, in display order.
    /// </summary>
    public static IDataLoaderResult<IReadOnlyList<T>> LoadMany<T>(
        this IResolveFieldContext context, string name, int parentId,
        Func<PetitionDbContext, int[], IQueryable<Linked<T>>> query)
    {
        var db = context.Db();
        return context.Loaders().GetOrAdd<int, IReadOnlyList<T>>(
            name,
            async (ids, ct) =>
            {
                var rows = await query(db, ids.ToArray()).ToListAsync(ct);
                return rows.GroupBy(r => r.ParentId).ToDictionary(g => g.Key, g => (IReadOnlyList<T>)g.Select(r => r.Item).ToList());
            },
            missing: []).Load(parentId);
    }
}
