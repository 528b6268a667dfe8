using System.Collections;
using System.Linq.Expressions;
using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.GraphQL.Filtering;

/// <summary>Turns an <c>order</c> argument (a list of sort inputs) into a <see cref="SortPlan{T}"/>.</summary>
public static class SortBuilder
{
    public static SortPlan<T> Build<T>(object? order, QueryContext context) where T : class, IEntity
    {
        var keys = new List<SortKey>();
        var row = Expression.Parameter(typeof(T), "row");
        foreach (var item in (order as IEnumerable)?.OfType<IDictionary<string, object?>>() ?? [])
        {
            Collect(Shapes.For<T>(), row, row, "", item, context, keys);
        }
        return keys.Count == 0 ? SortPlan<T>.Default : new SortPlan<T>(keys);
    }

    private static void Collect(IQueryShape shape, ParameterExpression row, Expression target, string prefix,
        IDictionary<string, object?> input, QueryContext context, List<SortKey> keys)
    {
        foreach (var (name, value) in input)
        {
            switch (shape.Fields.FirstOrDefault(f => f.Name == name))
            {
                case ScalarShapeField scalar when value is SortDirection direction:
                    PersonalDataGuard.Check(scalar, context);
                    var body = ExpressionTools.Inline(scalar.Accessor(context), target);
                    keys.Add(new SortKey(prefix + name, Expression.Lambda(body, row), direction == SortDirection.Desc));
                    break;
                case RelationShapeField relation when value is IDictionary<string, object?> nested:
                    var related = ExpressionTools.Inline(relation.Navigation, target);
                    Collect(Shapes.For(relation.Target), row, related, prefix + name + ".", nested, context, keys);
                    break;
            }
        }
    }
}
