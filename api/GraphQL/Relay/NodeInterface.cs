using GraphQL.Types;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL.Execution;

namespace PetitionGraph.Api.GraphQL.Relay;

public sealed class NodeInterface : InterfaceGraphType
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "An object with a global id, fetchable with node(id:).";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id: opaque, stable.");
    }
}

public static class NodeTypeExtensions
{
    /// <summary>Makes an object type a Relay node: implements Node, with the global id as <c>id</c>.</summary>
    public static void NodeId<T>(this ObjectGraphType<T> type, string typeName) where T : IEntity
    {
        type.Name = typeName;
        type.Interface<NodeInterface>();
        type.IsTypeOf = o => o is T;
        type.Field<NonNullGraphType<IdGraphType>>("id")
            .Description("Global id: opaque, stable.")
            .Resolve(new SourceResolver<T, string>(source => GlobalId.Encode(typeName, source.Id)));
    }
}
