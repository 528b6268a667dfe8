using GraphQL.Types;
using PetitionGraph.Api.GraphQL.Relay;

namespace PetitionGraph.Api.Leaders;

public static class LeaderQueries
{
    public static void AddLeaderQueries(this ObjectGraphType query) =>
        query.RootConnection<LeaderType, Leader>("leaders", "Town and village leaders.");
}
