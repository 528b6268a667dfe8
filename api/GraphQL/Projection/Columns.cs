using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using GraphQLParser.AST;

namespace PetitionGraph.Api.GraphQL.Projection;

/// <summary>
/// Selects only what a query needs. Each GraphQL field maps to the entity properties it reads: by default the
/// property of the same name; fields that read others (relations their foreign key, computed fields their
/// inputs) declare them with <see cref="Reads{TSource,TReturn}"/>. A to-one relation to reference data marked
/// with <see cref="Joins{TSource,TReturn}"/> is read in the same statement when only its columns are selected,
/// saving a round trip; otherwise its batch loader runs. Relations to cases are never joined: cases are scoped,
/// and the scope is applied by their loaders. The id is always read.
/// </summary>
public static class Columns
{
    public const string ReadsKey = "petitiongraph:columns";
    public const string JoinKey = "petitiongraph:join";
    private const int MaxJoinDepth = 2;

    private static readonly ConcurrentDictionary<string, LambdaExpression> Projections = new();

    public static FieldBuilder<TSource, TReturn> Reads<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, params string[] properties) =>
        field.WithMetadata(ReadsKey, properties);

    /// <summary>The field is the to-one navigation <paramref name="navigation"/>, joinable when only its columns are selected.</summary>
    public static FieldBuilder<TSource, TReturn> Joins<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, string navigation) =>
        field.WithMetadata(JoinKey, navigation);

    /// <summary>
    /// The plan for the fields selected at one position. <paramref name="joins"/> is false inside nested
    /// connections: their per-parent window cannot take joins on every provider (SQLite has no APPLY), so there
    /// the relations' loaders run.
    /// </summary>
    public static ProjectionPlan Plan<T>(IResolveFieldContext context, Func<IResolveFieldContext, IEnumerable<GraphQLField>> selected, bool joins = true) =>
        PlanFor(typeof(T), context.FieldAst, context.Schema, context.Document, () => selected(context), joins);

    /// <summary>
    /// A field of a list is resolved once per parent: the plan is worked out once per field of the document
    /// (documents are cached, so usually once per distinct query) rather than once per parent.
    /// node/nodes use one field for several entity types, hence the entity type in the key.
    /// </summary>
    public static ProjectionPlan PlanFor(Type entity, GraphQLField fieldAst, ISchema schema, GraphQLDocument document,
        Func<IEnumerable<GraphQLField>> selected, bool joins = true) =>
        Plans.GetValue(fieldAst, _ => new ConcurrentDictionary<Type, ProjectionPlan>())
            .GetOrAdd(entity, type => Plan(type, schema, document, selected(), depth: joins ? 0 : MaxJoinDepth));

    private static readonly ConditionalWeakTable<GraphQLField, ConcurrentDictionary<Type, ProjectionPlan>> Plans = new();

    private static ProjectionPlan Plan(Type entity, ISchema schema, GraphQLDocument document, IEnumerable<GraphQLField> selected, int depth)
    {
        var properties = new SortedSet<string>(StringComparer.Ordinal) { "Id" };
        var joins = new Dictionary<string, ProjectionPlan>(StringComparer.Ordinal);
        var columnsOnly = true;
        var graphType = schema.AllTypes[entity.Name] as IComplexGraphType;
        foreach (var group in selected.GroupBy(f => f.Name.StringValue))
        {
            var field = graphType?.GetField(group.Key);
            if (field is null)
            {
                continue; // __typename
            }
            var declared = field.GetMetadata<string[]?>(ReadsKey);
            properties.UnionWith(declared ?? []);
            if (IsRelation(field))
            {
                var navigation = field.GetMetadata<string?>(JoinKey);
                var nested = navigation is not null && depth < MaxJoinDepth
                    ? Plan(entity.GetProperty(navigation)!.PropertyType, schema, document, group.SelectMany(f => Selections.Fields(f.SelectionSet, document)), depth + 1)
                    : null;
                if (nested is { ColumnsOnly: true })
                {
                    joins[navigation!] = nested;
                }
                else
                {
                    columnsOnly = false; // its batch loader runs
                }
            }
            else if (declared is null)
            {
                if (entity.GetProperty(Pascal(group.Key), BindingFlags.Public | BindingFlags.Instance) is { } property && IsColumn(property))
                {
                    properties.Add(property.Name);
                }
                else
                {
                    columnsOnly = false;
                }
            }
        }
        return new ProjectionPlan(entity, [.. properties], joins) { ColumnsOnly = columnsOnly };
    }

    /// <summary><c>row =&gt; new T { Id = row.Id, …, Nav = row.Nav == null ? null : new TNav { … } }</c>, cached per plan.</summary>
    public static Expression<Func<T, T>> Projection<T>(ProjectionPlan plan) =>
        (Expression<Func<T, T>>)Projections.GetOrAdd(typeof(T).FullName + ":" + plan.Key, _ =>
        {
            var row = Expression.Parameter(typeof(T), "row");
            return Expression.Lambda<Func<T, T>>(Build(row, plan), row);
        });

    private static MemberInitExpression Build(Expression source, ProjectionPlan plan)
    {
        var bindings = plan.Properties.Select(p => Expression.Bind(plan.EntityType.GetProperty(p)!, Expression.Property(source, p))).ToList();
        foreach (var (navigation, nested) in plan.Joins)
        {
            var related = Expression.Property(source, navigation);
            var whenPresent = Build(related, nested);
            bindings.Add(Expression.Bind(plan.EntityType.GetProperty(navigation)!,
                Expression.Condition(Expression.Equal(related, Expression.Constant(null, related.Type)), Expression.Constant(null, related.Type), whenPresent, related.Type)));
        }
        return Expression.MemberInit(Expression.New(plan.EntityType), bindings);
    }

    private static bool IsRelation(FieldType field)
    {
        var type = field.ResolvedType;
        while (type is IProvideResolvedType wrapper)
        {
            type = wrapper.ResolvedType;
        }
        return type is IComplexGraphType;
    }

    private static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    private static bool IsColumn(PropertyInfo property)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return property.CanWrite && (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(DateTime) || type == typeof(decimal));
    }
}
