using GraphQL.Types;

namespace PetitionGraph.Api.GraphQL.Relay;

internal static class NodeNames
{
    /// <summary>CaseType → Case: connection and edge types are named after their node type.</summary>
    public static string Of(Type graphType) =>
        graphType.Name.EndsWith("Type", StringComparison.Ordinal) ? graphType.Name[..^4] : graphType.Name;
}

public sealed class PageInfoType : ObjectGraphType<PageInfo>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Description = "Where this page sits in the list.";
        Field(p => p.HasNextPage).Description("More items follow this page.");
        Field(p => p.HasPreviousPage).Description("Items precede this page.");
        Field(p => p.StartCursor, nullable: true).Description("Cursor of the first item; pass as before to go back.");
        Field(p => p.EndCursor, nullable: true).Description("Cursor of the last item; pass as after to go on.");
    }
}

public sealed class EdgeType<TNodeType, T> : ObjectGraphType<Edge<T>> where TNodeType : IGraphType
{
    public EdgeType()
    {
        Name = NodeNames.Of(typeof(TNodeType)) + "Edge";
        Description = $"One {NodeNames.Of(typeof(TNodeType))} in a page, with its cursor.";
        Field(e => e.Cursor).Description("Opaque position of this item in the list.");
        Field<NonNullGraphType<TNodeType>>("node").Description("The item.").Resolve(c => c.Source.Node);
    }
}

public sealed class ConnectionType<TNodeType, T> : ObjectGraphType<Connection<T>> where TNodeType : IGraphType
{
    public ConnectionType()
    {
        Name = NodeNames.Of(typeof(TNodeType)) + "Connection";
        Description = "A page of a list, with cursors to move on.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeType<TNodeType, T>>>>>("edges")
            .Description("The items of this page, each with its cursor (Relay).")
            .Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeType>>>>("nodes")
            .Description("The items of this page, without cursors.")
            .Resolve(c => c.Source.Edges.Select(e => e.Node));
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Description("Cursors and whether more items follow or precede.").Resolve(c => c.Source.PageInfo);
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("Number of items in the whole filtered list (counted only when asked for).")
            .Resolve(c => c.Source.TotalCount ?? 0);
    }
}
