namespace PetitionGraph.Api.GraphQL.Filtering;

/// <summary>The operator family a scalar field offers in filters.</summary>
public enum ScalarKind
{
    String,
    Int,
    DateTime,
    Boolean,
    Enum,
}
