using GraphQL.Types;
using PetitionGraph.Api.GraphQL.Mutations;
using PetitionGraph.Api.GraphQL.Scalars;

namespace PetitionGraph.Api.Leaders;

public sealed record CreateLeaderInput(string Name, string Title, LeaderLevel Level, string? VillageCode) : IMutationInput<CreateLeaderInput>
{
    public static void Declare(InputObjectGraphType<CreateLeaderInput> type)
    {
        type.Field(x => x.Name, type: typeof(NonNullGraphType<StringGraphType>)).Description("The leader's name.");
        type.Field(x => x.Title, type: typeof(NonNullGraphType<StringGraphType>)).Description("职务: the post, e.g. 党委副书记.");
        type.Field(x => x.Level, type: typeof(NonNullGraphType<EnumType<LeaderLevel>>)).Description("镇级 (town) or 村级 (village).");
        type.Field(x => x.VillageCode, type: typeof(StringGraphType)).Description("Village-level leaders: their village.");
    }
}

public sealed record RenameLeaderInput(string LeaderId, string? Name, string? Title) : IMutationInput<RenameLeaderInput>
{
    public static void Declare(InputObjectGraphType<RenameLeaderInput> type)
    {
        type.Field(x => x.LeaderId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The leader concerned.");
        type.Field(x => x.Name, type: typeof(StringGraphType)).Description("New name; unchanged when omitted.");
        type.Field(x => x.Title, type: typeof(StringGraphType)).Description("New post; unchanged when omitted.");
    }
}

public sealed record LeaderIdInput(string LeaderId) : IMutationInput<LeaderIdInput>
{
    public static void Declare(InputObjectGraphType<LeaderIdInput> type) =>
        type.Field(x => x.LeaderId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The leader concerned.");
}
