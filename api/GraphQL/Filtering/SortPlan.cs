using System.Linq.Expressions;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.GraphQL.Filtering;

/// <summary>A row together with the values of its sort keys, read in the same SQL statement (for cursors).</summary>
public sealed class Keyed<T>
{
    public required T Row { get; init; }
    public required object?[] Keys { get; init; }

    /// <summary>The to-many relation read in the same statement (see Projection.Fold), if any.</summary>
    public IEnumerable<object>? Fold0 { get; init; }

    /// <summary>
    /// A folded list joins into the page's statement. Two would multiply their rows per parent (a case with 2
    /// petitioners and 3 leaders comes back as 6 rows), which costs more to sort, send and shape than a second,
    /// batched statement for the other list: with one fold instead of two the cases page took ~8 % less API CPU and
    /// ~13 % less PostgreSQL CPU a request (BENCHMARKS.md, run 13). Further lists go through their batch loaders.
    /// </summary>
    public const int MaxFolds = 1;

    public IEnumerable<object>? Fold(int slot) => slot == 0 ? Fold0 : throw new ArgumentOutOfRangeException(nameof(slot));
}

/// <summary>
/// The ordering of a list: the requested keys, then the id so that every row has a unique position.
/// Knows how to apply itself to a query, how to read a row's key values, and how to continue after them
/// (keyset paging: never OFFSET).
/// </summary>
public sealed class SortPlan<T> where T : class, IEntity
{
    public SortPlan(IReadOnlyList<SortKey> requested)
    {
        Expression<Func<T, int>> id = row => row.Id;
        Keys = [.. requested, new SortKey("id", id, Descending: false)];
        Text = string.Join(",", Keys.Select(k => $"{k.Path}:{(k.Descending ? "DESC" : "ASC")}"));
        Signature = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Text)), 0, 4);
    }

    public static SortPlan<T> Default { get; } = new([]);

    public IReadOnlyList<SortKey> Keys { get; }

    /// <summary>The ordering in words (<c>openedAt:DESC,id:ASC</c>): with the shape's accessors, it fixes the ORDER BY.</summary>
    public string Text { get; }

    /// <summary>Short hash of the ordering, stored in cursors so a cursor from another ordering is refused.</summary>
    public string Signature { get; }

    public IQueryable<T> Apply(IQueryable<T> query, bool reverse) =>
        query.Provider.CreateQuery<T>(ApplyTo(query.Expression, reverse));

    /// <summary>Orders an <c>IQueryable&lt;T&gt;</c> expression (also one nested inside a projection).</summary>
    public Expression ApplyTo(Expression source, bool reverse)
    {
        var ordered = false;
        foreach (var key in Keys)
        {
            if (key.IsNullable)
            {
                // "value IS NULL" first: false < true puts nulls last on both providers (reversed: first).
                var param = key.Key.Parameters[0];
                var isNull = Expression.Lambda(Expression.Equal(key.Key.Body, Expression.Constant(null, key.ValueType)), param);
                source = OrderBy(source, isNull, descending: reverse, ordered);
                ordered = true;
            }
            source = OrderBy(source, key.Key, key.Descending ^ reverse, ordered);
            ordered = true;
        }
        return source;
    }

    public IQueryable<Keyed<T>> Project(IQueryable<T> query, Expression<Func<T, T>> columns, IReadOnlyList<LambdaExpression>? folds = null) =>
        query.Provider.CreateQuery<Keyed<T>>(ProjectTo(query.Expression, columns, folds));

    /// <summary>Selects each row (only the needed columns) with its key values, so cursors need no navigation loaded in memory.</summary>
    public Expression ProjectTo(Expression source, Expression<Func<T, T>> columns, IReadOnlyList<LambdaExpression>? folds = null)
    {
        var row = Expression.Parameter(typeof(T), "row");
        var values = Keys.Select(k => Expression.Convert(ExpressionTools.Inline(k.Key, row), typeof(object)));
        var bindings = new List<MemberBinding>
        {
            Expression.Bind(KeyedRow, ExpressionTools.Inline(columns, row)),
            Expression.Bind(KeyedKeys, Expression.NewArrayInit(typeof(object), values)),
        };
        for (var slot = 0; slot < (folds?.Count ?? 0); slot++)
        {
            bindings.Add(Expression.Bind(KeyedFolds[slot], ExpressionTools.Inline(folds![slot], row)));
        }
        var body = Expression.MemberInit(Expression.New(typeof(Keyed<T>)), bindings);
        var selector = Expression.Lambda<Func<T, Keyed<T>>>(body, row);
        return Expression.Call(SelectKeyed, source, Expression.Quote(selector));
    }

    private static readonly PropertyInfo KeyedRow = typeof(Keyed<T>).GetProperty(nameof(Keyed<T>.Row))!;
    private static readonly PropertyInfo KeyedKeys = typeof(Keyed<T>).GetProperty(nameof(Keyed<T>.Keys))!;
    private static readonly PropertyInfo[] KeyedFolds = [typeof(Keyed<T>).GetProperty(nameof(Keyed<T>.Fold0))!];

    private static readonly MethodInfo SelectKeyed =
        new Func<IQueryable<T>, Expression<Func<T, Keyed<T>>>, IQueryable<Keyed<T>>>(Queryable.Select).Method;

    /// <summary>Rows strictly after <paramref name="values"/> in this order (or in the reversed order).</summary>
    public Expression<Func<T, bool>> After(object?[] values, bool reverse)
    {
        var row = Expression.Parameter(typeof(T), "row");
        Expression? result = null;
        Expression prefixEqual = Expression.Constant(true);
        for (var i = 0; i < Keys.Count; i++)
        {
            var key = Keys[i];
            var member = ExpressionTools.Inline(key.Key, row);
            var term = And(prefixEqual, KeyAfter(member, key, values[i], reverse));
            result = result is null ? term : Expression.OrElse(result, term);
            prefixEqual = And(prefixEqual, KeyEquals(member, key, values[i]));
        }
        return Expression.Lambda<Func<T, bool>>(result ?? Expression.Constant(true), row);
    }

    private static Expression KeyEquals(Expression member, SortKey key, object? value) =>
        value is null
            ? Expression.Equal(member, Expression.Constant(null, key.ValueType))
            : Expression.Equal(member, ExpressionTools.Parameter(value, key.ValueType));

    private static Expression KeyAfter(Expression member, SortKey key, object? value, bool reverse)
    {
        var descending = key.Descending ^ reverse;
        if (!key.IsNullable)
        {
            return Beyond(member, key.ValueType, value!, descending);
        }
        var isNull = Expression.Equal(member, Expression.Constant(null, key.ValueType));
        if (!reverse)
        {
            // Nulls last: after a null only nulls with larger ids follow (the id key decides); after a value, nulls follow.
            return value is null ? Expression.Constant(false) : Expression.OrElse(isNull, Beyond(member, key.ValueType, value, descending));
        }
        return value is null ? Expression.Not(isNull) : Beyond(member, key.ValueType, value, descending);
    }

    private static Expression Beyond(Expression member, Type type, object value, bool descending)
    {
        var operand = ExpressionTools.Parameter(value, type);
        var comparison = descending ? ExpressionType.LessThan : ExpressionType.GreaterThan;
        if (type == typeof(string))
        {
            var compare = Expression.Call(typeof(string), nameof(string.Compare), null, member, operand);
            return Expression.MakeBinary(comparison, compare, Expression.Constant(0));
        }
        if ((Nullable.GetUnderlyingType(type) ?? type) == typeof(bool))
        {
            // false < true: only "true" can come after "false" ascending, only "false" after "true" descending.
            var flag = (bool)value;
            return flag == descending ? Expression.Equal(member, Expression.Constant(!flag, type)) : Expression.Constant(false);
        }
        return Expression.MakeBinary(comparison, member, operand);
    }

    private static Expression And(Expression left, Expression right) =>
        left is ConstantExpression { Value: true } ? right : Expression.AndAlso(left, right);

    private static MethodCallExpression OrderBy(Expression source, LambdaExpression key, bool descending, bool thenBy)
    {
        var method = (thenBy, descending) switch
        {
            (false, false) => nameof(Queryable.OrderBy),
            (false, true) => nameof(Queryable.OrderByDescending),
            (true, false) => nameof(Queryable.ThenBy),
            (true, true) => nameof(Queryable.ThenByDescending),
        };
        return Expression.Call(typeof(Queryable), method, [typeof(T), key.ReturnType], source, Expression.Quote(key));
    }
}
