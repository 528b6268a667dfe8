using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.Data.Query;
using PetitionGraph.Api.GraphQL.Filtering;
using PetitionGraph.Api.GraphQL.Projection;

namespace PetitionGraph.Api.GraphQL.Relay;

/// <summary>Reads one page of a root list with keyset paging: one SQL statement (compiled once per shape), plus one COUNT if asked for.</summary>
public static class Paginator
{
    public static async Task<Connection<T>> PageAsync<T>(
        PetitionDbContext db, ListArguments<T> args, QueryContext query, Action<string, IReadOnlyDictionary<int, object>> preload,
        CancellationToken cancellationToken)
        where T : class, IEntity
    {
        var (sort, page, folds) = (args.Sort, args.Page, args.Folds);
        var predicate = page.Cursor is { } cursor
            ? ExpressionTools.And(args.Filter, sort.After(Cursor.Decode(sort, cursor), page.IsBackward))
            : args.Filter;
        var shape = $"{sort.Text}|{(page.IsBackward ? "back" : "forth")}|{args.Columns.Key}|{string.Join(',', folds.Select(f => f.LoaderKey))}|{page.Size}";
        Func<IQueryable<T>, IQueryable<Keyed<T>>> compose = source =>
            sort.Project(sort.Apply(source, page.IsBackward), Columns.Projection<T>(args.Columns), [.. folds.Select(f => f.Items(query))]).TakeInlined(page.Size + 1);
        var rows = page.Size == 0 ? []
            : query.CompilePages ? await CompiledPages<T>.ReadAsync(db, predicate, shape, compose, query, cancellationToken)
            : await compose(db.Set<T>().Where(predicate)).ToListAsync(cancellationToken);
        for (var slot = 0; slot < folds.Count; slot++)
        {
            preload(folds[slot].LoaderKey, rows.ToDictionary(r => r.Row.Id, r => (object)r.Fold(slot)!));
        }
        int? total = args.CountTotal ? await db.Set<T>().Where(args.Filter).CountAsync(cancellationToken) : null;
        return Build(rows, sort, page, total);
    }

    /// <summary>Turns rows read in page order (size + 1 at most, reversed when paging backwards) into a connection.</summary>
    public static Connection<T> Build<T>(List<Keyed<T>> rows, SortPlan<T> sort, PageRequest page, int? total)
        where T : class, IEntity
    {
        var hasMore = rows.Count > page.Size;
        if (hasMore)
        {
            rows.RemoveAt(rows.Count - 1);
        }
        if (page.IsBackward)
        {
            rows.Reverse();
        }
        var edges = rows.Select(r => new Edge<T>(r.Row, () => Cursor.Encode(sort, r.Keys))).ToList();
        var info = new PageInfo(
            HasNextPage: page.IsBackward ? page.Before is not null : hasMore,
            HasPreviousPage: page.IsBackward ? hasMore : page.After is not null,
            StartCursor: edges.Count > 0 ? edges[0].Cursor : null,
            EndCursor: edges.Count > 0 ? edges[^1].Cursor : null);
        return new Connection<T>(edges, info, total);
    }

    /// <summary>
    /// <c>Take(count)</c> with the count written into the SQL (<c>LIMIT 101</c>) instead of sent as a parameter. With the
    /// limit known, PostgreSQL's generic plan for an auto-prepared page costs what a custom plan does, so after five
    /// executions it stops planning the statement again (planning the nested page took ~0.8 ms of server CPU, more
    /// than executing it). Page sizes are bounded (1–101), so this adds at most 101 statement texts per shape.
    /// The literal comes from <see cref="SqlLiteral"/>, which EF translates once per page size.
    /// </summary>
    private static IQueryable<TRow> TakeInlined<TRow>(this IQueryable<TRow> query, int count) =>
        query.Provider.CreateQuery<TRow>(Expression.Call(null, Take<TRow>.Method, query.Expression, Expression.Call(null, LiteralMethod, Expression.Constant(count))));

    private static readonly System.Reflection.MethodInfo LiteralMethod = new Func<int, int>(SqlLiteral.Of).Method;

    private static class Take<TRow>
    {
        public static readonly System.Reflection.MethodInfo Method = new Func<IQueryable<TRow>, int, IQueryable<TRow>>(Queryable.Take).Method;
    }
}
