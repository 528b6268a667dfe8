using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL.Filtering;
using PetitionGraph.Api.GraphQL.Projection;

namespace PetitionGraph.Api.GraphQL.DataLoading;

/// <summary>
/// The query of a short to-many relation, compiled by EF Core once per set of selected columns.
/// <paramref name="query"/> gets the context, the parents' keys and the request's instant ("now"), and returns the
/// items of all those parents in display order. Built per batch instead, the expression tree, EF's parameter
/// extraction and its query-cache lookup cost ~5 % of the API's CPU on the cases page (BENCHMARKS.md).
/// </summary>
public sealed class LinkQuery<T>(string name, Expression<Func<PetitionDbContext, int[], DateTime, IQueryable<Linked<T>>>> query)
{
    private readonly ConcurrentDictionary<(Microsoft.EntityFrameworkCore.Metadata.IModel Model, string Plan), Func<PetitionDbContext, int[], DateTime, IAsyncEnumerable<Linked<T>>>> _compiled = new();

    /// <summary>Names the relation's batch loader (with the plan's key); a fold of the same relation must use it too.</summary>
    public string Name => name;

    public async Task<List<Linked<T>>> ReadAsync(PetitionDbContext db, ProjectionPlan plan, int[] parentIds, DateTime now, CancellationToken cancellationToken)
    {
        // A compiled query belongs to one model: SQLite and PostgreSQL contexts each get their own, and so do contexts
        // whose options differ (a second host in one process with the shortcuts off builds a model of its own).
        var compiled = _compiled.GetOrAdd((db.Model, plan.Key), static (_, state) => EF.CompileAsyncQuery(Projected(state.query, state.plan)), (query, plan));
        return await compiled(db, parentIds, now).ToListAsync(cancellationToken);
    }

    private static Expression<Func<PetitionDbContext, int[], DateTime, IQueryable<Linked<T>>>> Projected(
        Expression<Func<PetitionDbContext, int[], DateTime, IQueryable<Linked<T>>>> query, ProjectionPlan plan) =>
        Expression.Lambda<Func<PetitionDbContext, int[], DateTime, IQueryable<Linked<T>>>>(SelectColumns(query.Body, Columns.Projection<T>(plan)), query.Parameters);

    /// <summary><c>links.Select(l =&gt; new Linked { ParentId = l.ParentId, Item = columns(l.Item) })</c></summary>
    public static MethodCallExpression SelectColumns(Expression links, Expression<Func<T, T>> columns)
    {
        var link = Expression.Parameter(typeof(Linked<T>), "link");
        var select = Expression.Lambda<Func<Linked<T>, Linked<T>>>(
            Expression.MemberInit(
                Expression.New(typeof(Linked<T>)),
                Expression.Bind(typeof(Linked<T>).GetProperty(nameof(Linked<T>.ParentId))!, Expression.Property(link, nameof(Linked<T>.ParentId))),
                Expression.Bind(typeof(Linked<T>).GetProperty(nameof(Linked<T>.Item))!,
                    ExpressionTools.Inline(columns, Expression.Property(link, nameof(Linked<T>.Item))))),
            link);
        return Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(Linked<T>), typeof(Linked<T>)], links, Expression.Quote(select));
    }
}
