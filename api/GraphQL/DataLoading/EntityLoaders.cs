using System.Linq.Expressions;
using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL.Projection;

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
    public static IDataLoaderResult<T?> LoadById<T>(this IResolveFieldContext context, int id) where T : class, IEntity =>
        // Once per field of the document and request, not once per parent row (the type tells node's entities apart).
        context.Loaders().Memo(context.FieldAst, context, static context =>
        {
            var factory = context.DbFactory();
            var scope = context.Scope().For<T>();
            var plan = Columns.Plan<T>(context, Selections.OfObject);
            return context.Loaders().GetOrAdd<int, T?>(
                typeof(T).Name + ":byId:" + plan.Key,
                async (ids, ct) =>
                {
                    var keys = ids.ToArray();
                    await using var db = await factory.CreateDbContextAsync(ct);
                    return await db.Set<T>().Where(scope).Where(e => keys.Contains(e.Id)).Select(Columns.Projection<T>(plan))
                        .ToDictionaryAsync(e => e.Id, e => (T?)e, ct);
                },
                missing: null);
        }).Load(id);

    /// <summary>A to-one relation: the row joined into the parent's statement if it was (see Columns.Joins), else its loader.</summary>
    public static object? JoinedOrLoaded<T>(this IResolveFieldContext context, T? joined, int? id) where T : class, IEntity =>
        (object?)joined ?? (id is { } key ? context.LoadById<T>(key) : null);

    /// <summary>A short to-many relation (a case's petitions, petitioners, leaders…) as a plain list.</summary>
    public static IDataLoaderResult<IReadOnlyList<T>> LoadMany<T>(this IResolveFieldContext context, LinkQuery<T> query, int parentId) =>
        // Once per field of the document and request, not once per parent row.
        context.Loaders().Memo(context.FieldAst, (context, query), static state =>
        {
            var (context, query) = state;
            var now = context.QueryContext().Now;
            return ManyLoader<T>(context, query.Name, (db, plan, ids, ct) => query.ReadAsync(db, plan, ids, now, ct));
        }).Load(parentId);

    /// <summary>
    /// A short to-many relation whose query depends on the caller (its access scope), so it cannot be compiled once.
    /// <paramref name="query"/> returns the items of all the parents asked for, in display order.
    /// </summary>
    public static IDataLoaderResult<IReadOnlyList<T>> LoadMany<T>(
        this IResolveFieldContext context, string name, int parentId,
        Func<PetitionDbContext, int[], IQueryable<Linked<T>>> query) =>
        // Once per field of the document and request, not once per parent row: a field's resolver passes one name.
        context.Loaders().Memo(context.FieldAst, (context, name, query), static state =>
        {
            var (context, name, query) = state;
            return ManyLoader<T>(context, name, (db, plan, ids, ct) => Project(query(db, ids), Columns.Projection<T>(plan)).ToListAsync(ct));
        }).Load(parentId);

    /// <summary>The batch loader of a short list: <paramref name="read"/> gets the items of a batch of parents.</summary>
    private static BatchLoader<int, IReadOnlyList<T>> ManyLoader<T>(
        IResolveFieldContext context, string name, Func<PetitionDbContext, ProjectionPlan, int[], CancellationToken, Task<List<Linked<T>>>> read)
    {
        var factory = context.DbFactory();
        var plan = Columns.Plan<T>(context, Selections.OfObject);
        return context.Loaders().GetOrAdd<int, IReadOnlyList<T>>(
            name + ":" + plan.Key,
            async (ids, ct) =>
            {
                await using var db = await factory.CreateDbContextAsync(ct);
                var rows = await read(db, plan, [.. ids], ct);
                return rows.GroupBy(r => r.ParentId).ToDictionary(g => g.Key, g => (IReadOnlyList<T>)g.Select(r => r.Item).ToList());
            },
            missing: []);
    }

    private static IQueryable<Linked<T>> Project<T>(IQueryable<Linked<T>> links, Expression<Func<T, T>> columns) =>
        links.Provider.CreateQuery<Linked<T>>(LinkQuery<T>.SelectColumns(links.Expression, columns));
}
