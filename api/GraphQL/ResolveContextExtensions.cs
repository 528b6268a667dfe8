using GraphQL;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL.DataLoading;
using PetitionGraph.Api.GraphQL.Filtering;

namespace PetitionGraph.Api.GraphQL;

/// <summary>Request-scoped services, reached from a resolver. Queries execute serially, so one DbContext per request is safe.</summary>
public static class ResolveContextExtensions
{
    public static PetitionDbContext Db(this IResolveFieldContext context) => Service<PetitionDbContext>(context);

    /// <summary>For batch loaders: they fetch in parallel, each on a context of its own.</summary>
    public static IDbContextFactory<PetitionDbContext> DbFactory(this IResolveFieldContext context) =>
        Service<IDbContextFactory<PetitionDbContext>>(context);

    public static LoaderCache Loaders(this IResolveFieldContext context) => Service<LoaderCache>(context);

    public static QueryContext QueryContext(this IResolveFieldContext context) => Service<QueryContext>(context);

    public static AccessScope Scope(this IResolveFieldContext context) => Service<AccessScope>(context);

    private static T Service<T>(IResolveFieldContext context) where T : notnull =>
        context.RequestServices!.GetRequiredService<T>();
}
