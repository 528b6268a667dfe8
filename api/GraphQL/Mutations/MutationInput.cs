using GraphQL.Types;

namespace PetitionGraph.Api.GraphQL.Mutations;

/// <summary>
/// A mutation's input as a sealed record: GraphQL.NET builds the record from the request (through its constructor),
/// and the record declares its own fields from its properties, so a field's name is written once and a typo in it
/// does not compile.
/// </summary>
public interface IMutationInput<TSelf> where TSelf : IMutationInput<TSelf>
{
    static abstract void Declare(InputObjectGraphType<TSelf> type);
}

/// <summary>The input object type of one mutation (its name is the mutation's), with the fields the record declares.</summary>
public sealed class MutationInputType<TInput> : InputObjectGraphType<TInput> where TInput : IMutationInput<TInput>
{
    public MutationInputType(string name, string? description = null)
    {
        Name = name;
        Description = description;
        TInput.Declare(this);
    }

    /// <summary>For an input used inside another (a plan's steps): named after the record.</summary>
    public MutationInputType() : this(typeof(TInput).Name)
    {
    }
}
