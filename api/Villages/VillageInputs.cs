using GraphQL.Types;
using PetitionGraph.Api.GraphQL.Mutations;
using PetitionGraph.Api.GraphQL.Scalars;

namespace PetitionGraph.Api.Villages;

public sealed record CreateVillageInput(string Code, string Name, VillageKind Kind) : IMutationInput<CreateVillageInput>
{
    public static void Declare(InputObjectGraphType<CreateVillageInput> type)
    {
        type.Field(x => x.Code, type: typeof(NonNullGraphType<StringGraphType>)).Description("Administrative code, unique.");
        type.Field(x => x.Name, type: typeof(NonNullGraphType<StringGraphType>)).Description("The name as the office writes it, e.g. 东湖村.");
        type.Field(x => x.Kind, type: typeof(NonNullGraphType<EnumType<VillageKind>>)).Description("村 (village) or 社区 (community).");
    }
}

public sealed record RenameVillageInput(string VillageId, string Name) : IMutationInput<RenameVillageInput>
{
    public static void Declare(InputObjectGraphType<RenameVillageInput> type)
    {
        type.Field(x => x.VillageId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The village concerned.");
        type.Field(x => x.Name, type: typeof(NonNullGraphType<StringGraphType>)).Description("The name as the office writes it, e.g. 东湖村.");
    }
}

public sealed record VillageAliasesInput(string VillageId, IReadOnlyList<string> Aliases) : IMutationInput<VillageAliasesInput>
{
    public static void Declare(InputObjectGraphType<VillageAliasesInput> type)
    {
        type.Field(x => x.VillageId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The village concerned.");
        type.Field(x => x.Aliases, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>)).Description("2 to 32 characters each.");
    }
}

public sealed record VillageIdInput(string VillageId) : IMutationInput<VillageIdInput>
{
    public static void Declare(InputObjectGraphType<VillageIdInput> type) =>
        type.Field(x => x.VillageId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The village concerned.");
}
