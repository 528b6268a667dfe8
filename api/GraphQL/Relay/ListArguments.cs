using System.Linq.Expressions;
using System.Text.Json;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL.Filtering;
using PetitionGraph.Api.GraphQL.Projection;

namespace PetitionGraph.Api.GraphQL.Relay;

/// <summary>The where/order/paging arguments of a connection field, read and validated.</summary>
public sealed record ListArguments<T>(
    Expression<Func<T, bool>> Filter, SortPlan<T> Sort, PageRequest Page, bool CountTotal, ProjectionPlan Columns,
    IReadOnlyList<PlannedFold> Folds, string Key)
    where T : class, IEntity
{
    public static ListArguments<T> Read(IResolveFieldContext context, bool nested = false)
    {
        var query = context.QueryContext();
        var where = Argument(context, "where") as IDictionary<string, object?>;
        var filter = ExpressionTools.And(context.Scope().For<T>(), FilterBuilder.Build<T>(where, query));
        var sort = SortBuilder.Build<T>(Argument(context, "order"), query);
        var page = PageRequest.From(
            Argument(context, "first") as int?, Argument(context, "after") as string,
            Argument(context, "last") as int?, Argument(context, "before") as string);
        var countTotal = context.SubFields?.ContainsKey("totalCount") == true;
        var columns = Projection.Columns.Plan<T>(context, Selections.OfNodes, joins: !nested);
        // Only a nested list's batch is shared by name (ChildConnections); a root list needs no key.
        var key = nested ? JsonSerializer.Serialize(context.Arguments?.ToDictionary(a => a.Key, a => a.Value.Value)) + countTotal + columns.Key : "";
        var folds = nested ? [] : FoldPlanner.Plan<T>(context);
        return new ListArguments<T>(filter, sort, page, countTotal, columns, folds, key);
    }

    private static object? Argument(IResolveFieldContext context, string name) =>
        context.Arguments is { } args && args.TryGetValue(name, out var value) ? value.Value : null;
}

public static class ConnectionFieldExtensions
{
    /// <summary>Declares a Relay connection field with where, order, first/after, last/before.</summary>
    public static FieldBuilder<TSource, object> Connection<TSource, TNodeType, T>(
        this ObjectGraphType<TSource> type, string name, string description)
        where TNodeType : IGraphType where T : class, IEntity =>
        type.Field<NonNullGraphType<ConnectionType<TNodeType, T>>, object>(name)
            .Description(description)
            .Argument<FilterInputType<T>>("where", "Only items that match.")
            .Argument<ListGraphType<NonNullGraphType<SortInputType<T>>>>("order", "Sort keys, most significant first; the id breaks ties.")
            .Argument<IntGraphType>("first", $"Items after 'after' (default {PageRequest.DefaultSize}, at most {PageRequest.MaxSize}).")
            .Argument<StringGraphType>("after", "Cursor to continue after.")
            .Argument<IntGraphType>("last", $"Items before 'before' (at most {PageRequest.MaxSize}).")
            .Argument<StringGraphType>("before", "Cursor to continue before.");
}

public static class RootConnectionExtensions
{
    /// <summary>A root list over a whole table, scoped to what the caller may see.</summary>
    public static void RootConnection<TNodeType, T>(this ObjectGraphType query, string name, string description)
        where TNodeType : IGraphType where T : class, IEntity =>
        query.Connection<object?, TNodeType, T>(name, description)
            .ResolveAsync(async c =>
            {
                var args = ListArguments<T>.Read(c);
                return await Paginator.PageAsync(c.Db(), args, c.QueryContext(), c.Loaders().Preload, c.CancellationToken);
            });
}
