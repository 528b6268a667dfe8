using GraphQL.Types;
using PetitionGraph.Api.GraphQL.Scalars;

namespace PetitionGraph.Api.GraphQL;

public sealed class PetitionSchema : Schema
{
    public PetitionSchema(IServiceProvider services, QueryType query, MutationType mutation) : base(services)
    {
        Description = "PetitionGraph: petitions, cases, leaders, villages and categories of a town's petition office.";
        Query = query;
        Mutation = mutation;
        RegisterTypeMapping(typeof(DateTime), typeof(DateTimeScalar));
        foreach (var enumType in typeof(PetitionSchema).Assembly.GetTypes().Where(IsDomainEnum))
        {
            RegisterTypeMapping(enumType, typeof(EnumType<>).MakeGenericType(enumType));
        }
    }

    private static bool IsDomainEnum(Type type) =>
        type.IsEnum && type.Namespace is { } ns && ns.StartsWith("PetitionGraph.Api.", StringComparison.Ordinal)
        && !ns.StartsWith("PetitionGraph.Api.GraphQL", StringComparison.Ordinal)
        && !ns.StartsWith("PetitionGraph.Api.Data", StringComparison.Ordinal);
}
