using GraphQL.Types;
using PetitionGraph.Api.GraphQL.Mutations;
using PetitionGraph.Api.GraphQL.Scalars;

namespace PetitionGraph.Api.Leaders;

public sealed record CreateLeaderInput(string Name, string Title, LeaderLevel Level, string? VillageCode) : IMutationInput<CreateLeaderInput>
{
    public static void Declare(InputObjectGraphType<CreateLeaderInput> type)
    {
        type.Field(x => x.Name, type: typeof(NonNullGraphType<StringGraphType>));
        type.Field(x => x.Title, type: typeof(NonNullGraphType<StringGraphType>));
        type.Field(x => x.Level, type: typeof(NonNullGraphType<EnumType<LeaderLevel>>));
        type.Field(x => x.VillageCode, type: typeof(StringGraphType)).Description("Village-level leaders: their village.");
    }
}

public sealed record RenameLeaderInput(string LeaderId, string? Name, string? Title) : IMutationInput<RenameLeaderInput>
{
    public static void Declare(InputObjectGraphType<RenameLeaderInput> type)
    {
        type.Field(x => x.LeaderId, type: typeof(NonNullGraphType<IdGraphType>));
        type.Field(x => x.Name, type: typeof(StringGraphType));
        type.Field(x => x.Title, type: typeof(StringGraphType));
    }
}

public sealed record LeaderIdInput(string LeaderId) : IMutationInput<LeaderIdInput>
{
    public static void Declare(InputObjectGraphType<LeaderIdInput> type) =>
        type.Field(x => x.LeaderId, type: typeof(NonNullGraphType<IdGraphType>));
}
