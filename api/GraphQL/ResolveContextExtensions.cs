using GraphQL;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL.DataLoading;
using PetitionGraph.Api.GraphQL.Filtering;

namespace PetitionGraph.Api.GraphQL;

/// <summary>Request-scoped services, reached from a resolver. Queries execute serially, so one DbContext per request is safe.</summary>
public static class ResolveContextExtensions
{
    public static PetitionDbContext Db(this IResolveFieldContext context) => Service<PetitionDbContext>(context);

    public static LoaderCache Loaders(this IResolveFieldContext context) => Service<LoaderCache>(context);

    public static QueryContext QueryContext(this IResolveFieldContext context) => Service<QueryContext>(context);

    public static AccessScope Scope(this IResolveFieldContext context) => Service<AccessScope>(context);

    private static T Service<T>(IResolveFieldContext context) where T : notnull =>
        context.RequestServices!.GetRequiredService<T>();
}
