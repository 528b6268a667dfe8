using GraphQL.Types;
using PetitionGraph.Api.GraphQL.Relay;

namespace PetitionGraph.Api.Petitions;

public static class PetitionQueries
{
    public static void AddPetitionQueries(this ObjectGraphType query) =>
        query.RootConnection<PetitionType, Petition>("petitions", "Petitions received, by every channel and level.");
}
