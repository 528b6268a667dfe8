using GraphQL.Types;

namespace PetitionGraph.Api.GraphQL.Scalars;

/// <summary>GraphQL.NET's Long, described: sizes and sequence numbers that may pass 2^31.</summary>
public sealed class LongScalar : LongGraphType
{
    public LongScalar()
    {
        Name = "Long";
        Description = "A 64-bit signed integer (−9,223,372,036,854,775,808 to 9,223,372,036,854,775,807), written as a JSON number. " +
            "Used for byte sizes and for the change feed's sequence numbers; JavaScript clients read values above 2^53 as approximate.";
    }
}
