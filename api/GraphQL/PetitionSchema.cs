using GraphQL.Types;
using PetitionGraph.Api.GraphQL.Scalars;

namespace PetitionGraph.Api.GraphQL;

public sealed class PetitionSchema : Schema
{
    public PetitionSchema(IServiceProvider services, QueryType query, MutationType mutation, Changes.Live.SubscriptionType subscription) : base(services)
    {
        Description = "PetitionGraph: petitions, cases, leaders, villages and categories of a town's petition office.";
        Query = query;
        Mutation = mutation;
        Subscription = subscription;
        // What the introspection queries of today's tools ask for: isRepeatable, deprecated arguments and input fields,
        // and (below) specifiedByURL; applied directives carry @specifiedBy into the printed schema.
        Features.RepeatableDirectives = true;
        Features.DeprecationOfInputValues = true;
        Features.AppliedDirectives = true;
        Directives.Register(new SpecifiedBy.Directive());
        this.RegisterVisitor(new DerivedDescriptions());
        RegisterTypeMapping(typeof(DateTime), typeof(DateTimeScalar));
        RegisterTypeMapping(typeof(long), typeof(LongScalar));
        foreach (var enumType in typeof(PetitionSchema).Assembly.GetTypes().Where(IsDomainEnum))
        {
            RegisterTypeMapping(enumType, typeof(EnumType<>).MakeGenericType(enumType));
        }
    }

    protected override void OnBeforeInitializeType(IGraphType graphType)
    {
        base.OnBeforeInitializeType(graphType);
        SpecifiedBy.AddIntrospectionField(graphType);
        DirectiveArgsDeprecation.AddArgument(graphType);
    }

    private static bool IsDomainEnum(Type type) =>
        type.IsEnum && type.Namespace is { } ns && ns.StartsWith("PetitionGraph.Api.", StringComparison.Ordinal)
        && !ns.StartsWith("PetitionGraph.Api.GraphQL", StringComparison.Ordinal)
        && !ns.StartsWith("PetitionGraph.Api.Data", StringComparison.Ordinal);
}
