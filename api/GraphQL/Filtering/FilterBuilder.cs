using System.Collections;
using System.Linq.Expressions;
using System.Reflection;

namespace PetitionGraph.Api.GraphQL.Filtering;

/// <summary>
/// Turns a <c>where</c> argument (the parsed input object) into a LINQ predicate over the entity,
/// walking the entity's <see cref="QueryShape{T}"/>. EF Core translates the result to SQL.
/// </summary>
public static class FilterBuilder
{
    private static readonly MethodInfo StringContains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
    private static readonly MethodInfo StringStartsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
    private static readonly MethodInfo StringEndsWith = typeof(string).GetMethod(nameof(string.EndsWith), [typeof(string)])!;

    public static Expression<Func<T, bool>> Build<T>(IDictionary<string, object?>? where, QueryContext context)
    {
        var row = Expression.Parameter(typeof(T), "row");
        if (where is null || where.Count == 0)
        {
            return Expression.Lambda<Func<T, bool>>(Expression.Constant(true), row);
        }
        return Expression.Lambda<Func<T, bool>>(Object(Shapes.For<T>(), row, where, new Walk(context)), row);
    }

    /// <summary>
    /// How deep list filters may nest (cases → petitioners → cases → …) and how many one filter may hold. Each level is a
    /// correlated subquery over the level above: SQLite took 4.6 s for 6 levels and 212 s for 8, so a filter is refused
    /// before it can cost that much.
    /// </summary>
    public const int MaxListNesting = 3;

    public const int MaxListFilters = 24;

    /// <summary>The request's context and what the filter has used of its budget so far.</summary>
    private sealed class Walk(QueryContext context)
    {
        public QueryContext Context { get; } = context;
        public int Depth { get; set; }
        public int Lists { get; set; }
    }

    private static Expression Object(IQueryShape shape, Expression target, IDictionary<string, object?> input, Walk walk)
    {
        Expression result = Expression.Constant(true);
        foreach (var (name, value) in input)
        {
            result = AndAlso(result, Entry(shape, target, name, value, walk));
        }
        return result;
    }

    private static Expression Entry(IQueryShape shape, Expression target, string name, object? value, Walk walk)
    {
        var context = walk.Context;
        switch (name)
        {
            case "and":
                return Items(value).Select(i => Object(shape, target, i, walk)).Aggregate((Expression)Expression.Constant(true), AndAlso);
            case "or":
                var alternatives = Items(value).Select(i => Object(shape, target, i, walk)).ToList();
                return alternatives.Count == 0 ? Expression.Constant(true) : alternatives.Aggregate(Expression.OrElse);
            case "not":
                return value is IDictionary<string, object?> negated
                    ? Expression.Not(Object(shape, target, negated, walk))
                    : Expression.Constant(true);
        }
        if (value is not IDictionary<string, object?> operations)
        {
            return Expression.Constant(true);
        }
        var field = shape.Fields.First(f => f.Name == name);
        PersonalDataGuard.Check(field, context);
        return field switch
        {
            ScalarShapeField scalar => Scalar(scalar, ExpressionTools.Inline(scalar.Accessor(context), target), operations),
            BaselineShapeField baseline => FromBaseline(baseline, target, operations, context),
            IdShapeField id => Ids(id, target, operations),
            RelationShapeField relation => Relation(relation, target, operations, walk),
            ManyShapeField many => Many(many, target, operations, walk),
            EnumSetShapeField set => EnumSet(set, target, operations),
            _ => throw new InvalidOperationException($"Unknown shape field kind for {name}."),
        };
    }

    private static Expression Relation(RelationShapeField field, Expression target, IDictionary<string, object?> input, Walk walk)
    {
        var related = ExpressionTools.Inline(field.Navigation, target);
        var inner = Object(Shapes.For(field.Target), related, input, walk);
        // A missing relation matches nothing that asks something of it.
        return Expression.AndAlso(Expression.NotEqual(related, Expression.Constant(null, field.Target)), inner);
    }

    private static Expression EnumSet(EnumSetShapeField field, Expression target, IDictionary<string, object?> input)
    {
        Expression result = Expression.Constant(true);
        foreach (var (op, value) in input)
        {
            Expression term = op switch
            {
                "any" when value is bool any => any ? ExpressionTools.Inline(field.Any, target) : Expression.Not(ExpressionTools.Inline(field.Any, target)),
                "includes" when value is not null && field.EnumType.IsInstanceOfType(value) => ExpressionTools.Inline(field.Includes(value), target),
                _ => Expression.Constant(true),
            };
            result = AndAlso(result, term);
        }
        return result;
    }

    private static Expression Many(ManyShapeField field, Expression target, IDictionary<string, object?> input, Walk walk)
    {
        if (++walk.Lists > MaxListFilters)
        {
            throw new Errors.QueryError(Errors.ErrorCodes.InvalidArgument, new Language.Msg($"一个 `where` 最多对列表筛选（some、none、all、any）{MaxListFilters} 次。", $"A `where` may filter on lists (some, none, all, any) at most {MaxListFilters} times."));
        }
        if (walk.Depth == MaxListNesting)
        {
            throw new Errors.QueryError(Errors.ErrorCodes.InvalidArgument,
                new Language.Msg($"列表筛选最多嵌套 {MaxListNesting} 层（`{field.Name}` 多了一层）；请分步筛选。",
                    $"List filters may nest at most {MaxListNesting} deep (`{field.Name}` is one level too many); filter in steps instead."));
        }
        walk.Depth++;
        try
        {
            return ManyTerms(field, target, input, walk);
        }
        finally
        {
            walk.Depth--;
        }
    }

    private static Expression ManyTerms(ManyShapeField field, Expression target, IDictionary<string, object?> input, Walk walk)
    {
        var source = ExpressionTools.Inline(field.Navigation, target);
        var item = Expression.Parameter(field.Target, "item");
        var shape = Shapes.For(field.Target);
        Expression result = Expression.Constant(true);
        foreach (var (op, value) in input)
        {
            Expression term = op switch
            {
                "some" when value is IDictionary<string, object?> some => Quantify("Any", field.Target, source, item, Object(shape, item, some, walk)),
                "none" when value is IDictionary<string, object?> none => Expression.Not(Quantify("Any", field.Target, source, item, Object(shape, item, none, walk))),
                "all" when value is IDictionary<string, object?> all => Quantify("All", field.Target, source, item, Object(shape, item, all, walk)),
                "any" when value is bool any => any ? AnyItem(field.Target, source) : Expression.Not(AnyItem(field.Target, source)),
                _ => Expression.Constant(true),
            };
            result = AndAlso(result, term);
        }
        return result;
    }

    private static MethodCallExpression Quantify(string method, Type itemType, Expression source, ParameterExpression item, Expression predicate) =>
        Expression.Call(typeof(Enumerable), method, [itemType], source, Expression.Lambda(predicate, item));

    private static MethodCallExpression AnyItem(Type itemType, Expression source) =>
        Expression.Call(typeof(Enumerable), "Any", [itemType], source);

    /// <summary>Global ids decoded to keys (an id of another type is refused, not silently unmatched); then the Int operators.</summary>
    private static Expression Ids(IdShapeField field, Expression target, IDictionary<string, object?> operations)
    {
        int Key(object? value)
        {
            var text = value?.ToString() ?? "";
            var (type, key) = Relay.GlobalId.Decode(text);
            return type == field.TypeName ? key
                : throw new Errors.QueryError(Errors.ErrorCodes.InvalidId, new Language.Msg($"“{text}”是 {type} 的编号，不是 {field.TypeName} 的编号。", $"'{text}' is a {type} id, not a {field.TypeName} id."));
        }
        var keys = operations.ToDictionary(o => o.Key, o => o.Value switch
        {
            null => null,
            System.Collections.IEnumerable list and not string => (object?)list.Cast<object?>().Select(Key).ToList(),
            var one => Key(one),
        });
        var asInt = new ScalarShapeField(field.Name, field.Description, ScalarKind.Int, typeof(int), _ => field.Accessor, Sortable: false);
        return Scalar(asInt, ExpressionTools.Inline(field.Accessor, target), keys);
    }

    private static Expression FromBaseline(BaselineShapeField field, Expression target, IDictionary<string, object?> operations, QueryContext context)
    {
        if (!operations.TryGetValue("since", out var value) || value is not DateTime since)
        {
            throw new Errors.QueryError(Errors.ErrorCodes.InvalidArgument, new Language.Msg($"`{field.Name}` 需要 `since`：从哪个基准日起计。", $"`{field.Name}` needs `since`: the baseline date to count from."));
        }
        var accessor = field.Accessor(context, since);
        var asInt = new ScalarShapeField(field.Name, field.Description, ScalarKind.Int, typeof(int?), _ => accessor, Sortable: false);
        return Scalar(asInt, ExpressionTools.Inline(accessor, target), operations.Where(o => o.Key != "since").ToDictionary());
    }

    private static Expression Scalar(ScalarShapeField field, Expression member, IDictionary<string, object?> operations)
    {
        Expression result = Expression.Constant(true);
        foreach (var (op, raw) in operations)
        {
            result = AndAlso(result, Operation(field, member, op, raw));
        }
        return result;
    }

    private static Expression Operation(ScalarShapeField field, Expression member, string op, object? raw)
    {
        var type = member.Type;
        Expression Value(object? v) => ExpressionTools.Parameter(Coerce(v, type), type);
        return op switch
        {
            "eq" => raw is null && field.IsNullable ? Expression.Equal(member, Expression.Constant(null, type)) : Expression.Equal(member, Value(raw)),
            "neq" => raw is null && field.IsNullable ? Expression.NotEqual(member, Expression.Constant(null, type)) : Expression.NotEqual(member, Value(raw)),
            "in" => In(member, raw),
            "nin" => Expression.Not(In(member, raw)),
            "gt" => Compare(ExpressionType.GreaterThan, member, raw, Value),
            "gte" => Compare(ExpressionType.GreaterThanOrEqual, member, raw, Value),
            "lt" => Compare(ExpressionType.LessThan, member, raw, Value),
            "lte" => Compare(ExpressionType.LessThanOrEqual, member, raw, Value),
            "contains" => StringCall(StringContains, member, raw),
            "ncontains" => Expression.Not(StringCall(StringContains, member, raw)),
            "startsWith" => StringCall(StringStartsWith, member, raw),
            "endsWith" => StringCall(StringEndsWith, member, raw),
            _ => throw new InvalidOperationException($"Unknown filter operation '{op}'."),
        };
    }

    // Comparing with null (gt: null) matches nothing, as in SQL.
    private static Expression Compare(ExpressionType comparison, Expression member, object? raw, Func<object?, Expression> value) =>
        raw is null ? Expression.Constant(false) : Expression.MakeBinary(comparison, member, value(raw));

    private static Expression StringCall(MethodInfo method, Expression member, object? raw)
    {
        if (raw is not string text)
        {
            return Expression.Constant(false);
        }
        var notNull = Expression.NotEqual(member, Expression.Constant(null, typeof(string)));
        return Expression.AndAlso(notNull, Expression.Call(member, method, ExpressionTools.Parameter(text, typeof(string))));
    }

    private static MethodCallExpression In(Expression member, object? raw)
    {
        var type = member.Type;
        var listType = typeof(List<>).MakeGenericType(type);
        var list = (IList)Activator.CreateInstance(listType)!;
        foreach (var item in raw as IEnumerable ?? Array.Empty<object>())
        {
            // null in the list matches a missing value, and nothing where a value cannot be missing.
            if (item is not null || Nullable.GetUnderlyingType(type) is not null || !type.IsValueType)
            {
                list.Add(Coerce(item, type));
            }
        }
        return Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [type], ExpressionTools.Parameter(list, listType), member);
    }

    private static object? Coerce(object? value, Type type)
    {
        if (value is null)
        {
            return null;
        }
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return target.IsInstanceOfType(value) ? value : Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static IEnumerable<IDictionary<string, object?>> Items(object? value) =>
        (value as IEnumerable)?.OfType<IDictionary<string, object?>>() ?? [];

    private static Expression AndAlso(Expression left, Expression right) =>
        left is ConstantExpression { Value: true } ? right : right is ConstantExpression { Value: true } ? left : Expression.AndAlso(left, right);
}
