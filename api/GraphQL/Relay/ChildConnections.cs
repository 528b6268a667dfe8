using System.Linq.Expressions;
using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL.Filtering;
using PetitionGraph.Api.GraphQL.Projection;

namespace PetitionGraph.Api.GraphQL.Relay;

/// <summary>One parent's page of a nested list, as read from the database.</summary>
public sealed class ChildPage<T>
{
    public int ParentId { get; init; }
    public List<Keyed<T>> Items { get; init; } = [];
    public int Total { get; init; }
}

/// <summary>
/// Nested connections (a village's cases, a case's events): the pages of all parents of a level in one SQL
/// statement. EF Core translates the per-parent Take into a window (ROW_NUMBER … PARTITION BY) or a lateral join.
/// </summary>
public static class ChildConnections
{
    public static IDataLoaderResult<Connection<TChild>> LoadConnection<TParent, TChild>(
        this IResolveFieldContext<TParent> context, string name, Expression<Func<TParent, IEnumerable<TChild>>> children)
        where TParent : class, IEntity where TChild : class, IEntity
    {
        var args = context.Loaders().Memo(context.FieldAst, () => ListArguments<TChild>.Read(context, nested: true));
        var factory = context.DbFactory();
        var empty = new Connection<TChild>([], new PageInfo(false, false, null, null), args.CountTotal ? 0 : null);
        return context.Loaders().GetOrAdd<int, Connection<TChild>>(
            $"{typeof(TParent).Name}.{name}|{args.Key}",
            async (ids, ct) =>
            {
                await using var db = await factory.CreateDbContextAsync(ct);
                return await LoadAsync(db, ids, children, args, ct);
            },
            empty).Load(context.Source.Id);
    }

    private static async Task<IReadOnlyDictionary<int, Connection<TChild>>> LoadAsync<TParent, TChild>(
        PetitionDbContext db, IReadOnlyList<int> parentIds, Expression<Func<TParent, IEnumerable<TChild>>> children,
        ListArguments<TChild> args, CancellationToken cancellationToken)
        where TParent : class, IEntity where TChild : class, IEntity
    {
        var parent = Expression.Parameter(typeof(TParent), "parent");
        var source = Expression.Call(typeof(Queryable), nameof(Queryable.AsQueryable), [typeof(TChild)],
            ExpressionTools.Inline(children, parent));
        Expression filtered = Where(source, args.Filter);
        Expression items = filtered;
        if (args.Page.Cursor is { } cursor)
        {
            items = Where(items, args.Sort.After(Cursor.Decode(args.Sort, cursor), args.Page.IsBackward));
        }
        items = args.Sort.ProjectTo(args.Sort.ApplyTo(items, args.Page.IsBackward), Columns.Projection<TChild>(args.Columns));
        items = Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(Keyed<TChild>)], items, Expression.Constant(args.Page.Size + 1));
        var list = Expression.Call(typeof(Enumerable), nameof(Enumerable.ToList), [typeof(Keyed<TChild>)], items);
        Expression count = args.CountTotal
            ? Expression.Call(typeof(Queryable), nameof(Queryable.Count), [typeof(TChild)], filtered)
            : Expression.Constant(0);
        var page = typeof(ChildPage<TChild>);
        var selector = Expression.Lambda<Func<TParent, ChildPage<TChild>>>(
            Expression.MemberInit(
                Expression.New(page),
                Expression.Bind(page.GetProperty(nameof(ChildPage<TChild>.ParentId))!, Expression.Property(parent, nameof(IEntity.Id))),
                Expression.Bind(page.GetProperty(nameof(ChildPage<TChild>.Items))!, list),
                Expression.Bind(page.GetProperty(nameof(ChildPage<TChild>.Total))!, count)),
            parent);

        var keys = parentIds.ToArray();
        var pages = await db.Set<TParent>().Where(p => keys.Contains(p.Id)).Select(selector).ToListAsync(cancellationToken);
        return pages.ToDictionary(
            p => p.ParentId,
            p => Paginator.Build(p.Items, args.Sort, args.Page, args.CountTotal ? p.Total : null));
    }

    private static MethodCallExpression Where<T>(Expression source, Expression<Func<T, bool>> predicate) =>
        Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(T)], source, Expression.Quote(predicate));
}
