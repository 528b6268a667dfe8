using System.Linq.Expressions;
using System.Reflection;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL.Filtering;

namespace PetitionGraph.Api.GraphQL.DataLoading;

/// <summary>
/// A short to-many relation written once: where its items live, which parent each belongs to, their filter and order
/// (<c>shape</c>), and what the field shows of each. From it come both ways of reading it — the batch loader's query
/// (<see cref="Query"/>) and the fold a root page reads in its own statement (<see cref="Fold"/>) — so the two can no
/// longer disagree on which items or in what order.
/// </summary>
public sealed class ShortList<TParent, TItem, TOut>
{
    public ShortList(
        string name,
        Expression<Func<PetitionDbContext, IQueryable<TItem>>> all,
        Expression<Func<TItem, int>> parent,
        Expression<Func<TParent, IEnumerable<TItem>>> navigation,
        Expression<Func<IQueryable<TItem>, DateTime, IQueryable<TItem>>> shape,
        Expression<Func<TItem, TOut>> shown)
    {
        Query = new LinkQuery<TOut>(name, LinkQueryOf(all, parent, shape, shown));
        Fold = FoldOf(navigation, shape, shown);
    }

    public LinkQuery<TOut> Query { get; }

    /// <summary><c>(query, parent) =&gt; items</c> over the parent's navigation, in the same order as <see cref="Query"/>.</summary>
    public Expression<Func<QueryContext, TParent, IEnumerable<TOut>>> Fold { get; }

    private static Expression<Func<PetitionDbContext, int[], DateTime, IQueryable<Linked<TOut>>>> LinkQueryOf(
        Expression<Func<PetitionDbContext, IQueryable<TItem>>> all, Expression<Func<TItem, int>> parent,
        Expression<Func<IQueryable<TItem>, DateTime, IQueryable<TItem>>> shape, Expression<Func<TItem, TOut>> shown)
    {
        var db = Expression.Parameter(typeof(PetitionDbContext), "db");
        var ids = Expression.Parameter(typeof(int[]), "ids");
        var now = Expression.Parameter(typeof(DateTime), "now");
        var item = Expression.Parameter(typeof(TItem), "item");
        // all(db).Where(item => ids.Contains(parent(item)))
        var ofParents = Expression.Lambda<Func<TItem, bool>>(
            Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(int)], ids, ExpressionTools.Inline(parent, item)), item);
        var filtered = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(TItem)], ExpressionTools.Inline(all, db), Expression.Quote(ofParents));
        // .Select(item => new Linked<TOut> { ParentId = parent(item), Item = shown(item) })
        var link = Expression.Lambda<Func<TItem, Linked<TOut>>>(
            Expression.MemberInit(
                Expression.New(typeof(Linked<TOut>)),
                Expression.Bind(typeof(Linked<TOut>).GetProperty(nameof(Linked<TOut>.ParentId))!, ExpressionTools.Inline(parent, item)),
                Expression.Bind(typeof(Linked<TOut>).GetProperty(nameof(Linked<TOut>.Item))!, ExpressionTools.Inline(shown, item))),
            item);
        var body = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(TItem), typeof(Linked<TOut>)],
            ExpressionTools.Inline(shape, filtered, now), Expression.Quote(link));
        return Expression.Lambda<Func<PetitionDbContext, int[], DateTime, IQueryable<Linked<TOut>>>>(body, db, ids, now);
    }

    private static Expression<Func<QueryContext, TParent, IEnumerable<TOut>>> FoldOf(
        Expression<Func<TParent, IEnumerable<TItem>>> navigation, Expression<Func<IQueryable<TItem>, DateTime, IQueryable<TItem>>> shape,
        Expression<Func<TItem, TOut>> shown)
    {
        var query = Expression.Parameter(typeof(QueryContext), "query");
        var row = Expression.Parameter(typeof(TParent), "row");
        var items = new ToEnumerable(new Dictionary<ParameterExpression, Expression>
        {
            [shape.Parameters[0]] = ExpressionTools.Inline(navigation, row),
            [shape.Parameters[1]] = Expression.Property(query, nameof(QueryContext.Now)),
        }).Visit(shape.Body);
        var body = shown.Body == shown.Parameters[0]
            ? items
            : Expression.Call(typeof(Enumerable), nameof(Enumerable.Select), [typeof(TItem), typeof(TOut)], items, shown);
        return Expression.Lambda<Func<QueryContext, TParent, IEnumerable<TOut>>>(body, query, row);
    }

    /// <summary>
    /// Queryable.Where/OrderBy/ThenBy… as their Enumerable twins over a navigation, in one pass with the parameters'
    /// replacement (a navigation is no IQueryable, so the Queryable calls cannot be rebuilt over it first).
    /// </summary>
    private sealed class ToEnumerable(Dictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            replacements.TryGetValue(node, out var replacement) ? replacement : base.VisitParameter(node);

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType != typeof(Queryable))
            {
                return base.VisitMethodCall(node);
            }
            var arguments = node.Arguments.Select(a => Visit(a is UnaryExpression { NodeType: ExpressionType.Quote } quote ? quote.Operand : a)).ToArray();
            var generic = node.Method.GetGenericMethodDefinition();
            var twin = typeof(Enumerable).GetMethods(BindingFlags.Public | BindingFlags.Static)
                .Where(m => m.Name == generic.Name && m.IsGenericMethodDefinition && m.GetGenericArguments().Length == generic.GetGenericArguments().Length
                    && m.GetParameters().Length == generic.GetParameters().Length)
                .Single(m => m.GetParameters().Skip(1).Select(p => p.ParameterType.IsGenericType ? p.ParameterType.GetGenericTypeDefinition() : p.ParameterType)
                    .SequenceEqual(generic.GetParameters().Skip(1).Select(p => Unwrap(p.ParameterType))));
            return Expression.Call(twin.MakeGenericMethod(node.Method.GetGenericArguments()), arguments);
        }

        /// <summary>Expression&lt;Func&lt;…&gt;&gt; → Func&lt;…&gt;: the shape of the matching Enumerable parameter.</summary>
        private static Type Unwrap(Type type)
        {
            var inner = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Expression<>) ? type.GetGenericArguments()[0] : type;
            return inner.IsGenericType ? inner.GetGenericTypeDefinition() : inner;
        }
    }
}
