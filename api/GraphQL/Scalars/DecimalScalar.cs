using GraphQL.Types;

namespace PetitionGraph.Api.GraphQL.Scalars;

/// <summary>Exact decimal numbers (money: assistance amounts in yuan), described like every type of the schema.</summary>
public sealed class DecimalScalar : DecimalGraphType
{
    public DecimalScalar()
    {
        Name = "Decimal";
        Description = "An exact decimal number, e.g. an amount in yuan (1500.50); written as a JSON number.";
    }
}
