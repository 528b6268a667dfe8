using GraphQL.Types;
using PetitionGraph.Api.GraphQL.Relay;

namespace PetitionGraph.Api.Petitioners;

public static class PetitionerQueries
{
    public static void AddPetitionerQueries(this ObjectGraphType query) =>
        query.RootConnection<PetitionerType, Petitioner>("petitioners", "Petitioners. Personal data.");
}
