using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL.Filtering;

namespace PetitionGraph.Api.GraphQL.Projection;

/// <summary>A to-many relation read in the page's statement: the loader it feeds and <c>(query, row) =&gt; List&lt;item&gt;</c>.</summary>
public sealed record PlannedFold(string LoaderKey, LambdaExpression Template)
{
    /// <summary><c>row =&gt; List&lt;item&gt;</c> for one request (bound only when a page's query is built, not per page read).</summary>
    public LambdaExpression Items(QueryContext query) => ExpressionTools.BindFirst(Template, Expression.Constant(query));
}

/// <summary>Chooses which selected to-many relations of a root list's nodes are read in the page's own statement.</summary>
public static class FoldPlanner
{
    /// <summary>The choice is made once per field of the (cached) document.</summary>
    public static IReadOnlyList<PlannedFold> Plan<T>(IResolveFieldContext context) where T : class, IEntity =>
        Choices.GetValue(context.FieldAst, _ => new ConcurrentDictionary<Type, IReadOnlyList<PlannedFold>>())
            .GetOrAdd(typeof(T), _ => Choose<T>(context));

    private static readonly ConditionalWeakTable<GraphQLField, ConcurrentDictionary<Type, IReadOnlyList<PlannedFold>>> Choices = new();

    /// <summary>The folds to read.</summary>
    private static IReadOnlyList<PlannedFold> Choose<T>(IResolveFieldContext context) where T : class, IEntity
    {
        if (context.Schema.AllTypes[typeof(T).Name] is not IComplexGraphType graphType)
        {
            return [];
        }
        var folds = new List<PlannedFold>();
        foreach (var field in Selections.OfNodes(context).GroupBy(f => f.Name.StringValue).Select(g => g.First()))
        {
            if (folds.Count == Keyed<T>.MaxFolds || graphType.GetField(field.Name.StringValue)?.GetFold() is not { } fold)
            {
                continue;
            }
            var plan = Columns.PlanFor(fold.ItemType, field, context.Schema, context.Document,
                () => Selections.Fields(field.SelectionSet, context.Document));
            if (plan.ColumnsOnly)
            {
                folds.Add(new PlannedFold(fold.LoaderName + ":" + plan.Key, Template(fold, plan)));
            }
        }
        return folds;
    }

    /// <summary><c>(query, row) =&gt; items(query, row).Select(projection).ToList()</c>, built once per fold and plan.</summary>
    private static LambdaExpression Template(Fold fold, ProjectionPlan plan) =>
        Templates.GetOrAdd((fold, plan.Key), _ =>
        {
            var project = (Expression)typeof(Columns).GetMethod(nameof(Columns.Projection))!.MakeGenericMethod(fold.ItemType).Invoke(null, [plan])!;
            var selected = Expression.Call(typeof(Enumerable), nameof(Enumerable.Select), [fold.ItemType, fold.ItemType], fold.Items.Body, project);
            var list = Expression.Call(typeof(Enumerable), nameof(Enumerable.ToList), [fold.ItemType], selected);
            return Expression.Lambda(list, fold.Items.Parameters);
        });

    private static readonly ConcurrentDictionary<(Fold, string), LambdaExpression> Templates = new();
}
