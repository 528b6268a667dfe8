using GraphQL.Types;
using PetitionGraph.Api.GraphQL.Relay;

namespace PetitionGraph.Api.Villages;

public static class VillageQueries
{
    public static void AddVillageQueries(this ObjectGraphType query) =>
        query.RootConnection<VillageType, Village>("villages", "Villages and communities of the town.");
}
