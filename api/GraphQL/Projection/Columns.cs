using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace PetitionGraph.Api.GraphQL.Projection;

/// <summary>
/// Selects only the columns a query needs. Each GraphQL field maps to the entity properties it reads: by
/// default the property of the same name; fields that read others (relations read their foreign key, computed
/// fields their inputs) declare them with <see cref="Reads{TSource,TReturn}"/>. The id is always read.
/// </summary>
public static class Columns
{
    public const string MetadataKey = "petitiongraph:columns";

    private static readonly ConcurrentDictionary<string, LambdaExpression> Projections = new();

    /// <summary>Declares the entity properties a field reads (none for to-many relations: they key on the id).</summary>
    public static FieldBuilder<TSource, TReturn> Reads<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, params string[] properties) =>
        field.WithMetadata(MetadataKey, properties);

    /// <summary>The properties of <typeparamref name="T"/> that the selected fields of its graph type read.</summary>
    public static IReadOnlyList<string> For<T>(ISchema schema, IEnumerable<string> selectedFields)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal) { "Id" };
        var graphType = schema.AllTypes[typeof(T).Name] as IComplexGraphType;
        foreach (var name in selectedFields)
        {
            var field = graphType?.GetField(name);
            if (field?.GetMetadata<string[]?>(MetadataKey) is { } declared)
            {
                names.UnionWith(declared);
            }
            else if (typeof(T).GetProperty(char.ToUpperInvariant(name[0]) + name[1..], BindingFlags.Public | BindingFlags.Instance) is { } property
                && IsColumn(property))
            {
                names.Add(property.Name);
            }
        }
        return [.. names];
    }

    /// <summary><c>row =&gt; new T { Id = row.Id, … }</c> for the given properties (cached per column set).</summary>
    public static Expression<Func<T, T>> Projection<T>(IReadOnlyList<string> properties) =>
        (Expression<Func<T, T>>)Projections.GetOrAdd(typeof(T).FullName + ":" + string.Join(',', properties), _ =>
        {
            var row = Expression.Parameter(typeof(T), "row");
            var bindings = properties.Select(p => typeof(T).GetProperty(p)!).Select(p => Expression.Bind(p, Expression.Property(row, p)));
            return Expression.Lambda<Func<T, T>>(Expression.MemberInit(Expression.New(typeof(T)), bindings), row);
        });

    private static bool IsColumn(PropertyInfo property)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return property.CanWrite && (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(DateTime) || type == typeof(decimal));
    }
}
