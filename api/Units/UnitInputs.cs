using GraphQL.Types;
using PetitionGraph.Api.GraphQL.Mutations;
using PetitionGraph.Api.GraphQL.Scalars;

namespace PetitionGraph.Api.Units;

public sealed record CreateUnitInput(string Code, string Name, UnitKind Kind) : IMutationInput<CreateUnitInput>
{
    public static void Declare(InputObjectGraphType<CreateUnitInput> type)
    {
        type.Field(x => x.Code, type: typeof(NonNullGraphType<StringGraphType>)).Description("Unique code, e.g. AGRI.");
        type.Field(x => x.Name, type: typeof(NonNullGraphType<StringGraphType>)).Description("Its name, e.g. 镇农业农村办.");
        type.Field(x => x.Kind, type: typeof(NonNullGraphType<EnumType<UnitKind>>)).Description("Department, station, company or other.");
    }
}

public sealed record UnitIdInput(string UnitId) : IMutationInput<UnitIdInput>
{
    public static void Declare(InputObjectGraphType<UnitIdInput> type) =>
        type.Field(x => x.UnitId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The unit concerned.");
}
