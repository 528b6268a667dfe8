using GraphQL.Types;
using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.GraphQL.Scalars;

/// <summary>A GraphQL enum whose value names are exactly the names stored in the database (TOWN_LEAD).</summary>
public sealed class EnumType<TEnum> : EnumerationGraphType<TEnum> where TEnum : Enum
{
    protected override string ChangeEnumCase(string val) => EnumNames.ToConstantCase(val);
}
