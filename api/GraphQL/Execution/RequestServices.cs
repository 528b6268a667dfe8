using PetitionGraph.Api.Access;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL.DataLoading;
using PetitionGraph.Api.GraphQL.Filtering;

namespace PetitionGraph.Api.GraphQL.Execution;

/// <summary>
/// A request's services as its resolvers see them. The scoped services that resolvers reach for every row (loaders,
/// access scope, personal-data reads, the query's clock, the DbContext) are resolved from the scope once and then
/// read without a lock. Microsoft.Extensions.DependencyInjection locks the scope for every scoped resolution, and
/// resolvers running in parallel contended on that lock (BENCHMARKS.md, run 30). Every other service, and every
/// transient one, comes from the scope as before. AddPetitionGraphQL installs it for every execution.
/// </summary>
public sealed class RequestServices(IServiceProvider scope) : IServiceProvider, ISupportRequiredService, IKeyedServiceProvider
{
    // All scoped: a transient must never be held here, or two resolutions would share one instance.
    private static readonly Type[] PerRow =
        [typeof(LoaderCache), typeof(AccessScope), typeof(PersonalDataReads), typeof(QueryContext), typeof(PetitionDbContext)];

    private readonly object?[] _resolved = new object?[PerRow.Length];

    public object? GetService(Type serviceType)
    {
        var slot = Array.IndexOf(PerRow, serviceType);
        if (slot < 0)
        {
            return scope.GetService(serviceType);
        }
        // Two threads may both miss: the scope hands both the same instance, so either write is right.
        return Volatile.Read(ref _resolved[slot]) ?? (_resolved[slot] = scope.GetService(serviceType));
    }

    public object GetRequiredService(Type serviceType) => GetService(serviceType) ?? scope.GetRequiredService(serviceType);

    public object? GetKeyedService(Type serviceType, object? serviceKey) => Keyed.GetKeyedService(serviceType, serviceKey);

    public object GetRequiredKeyedService(Type serviceType, object? serviceKey) => Keyed.GetRequiredKeyedService(serviceType, serviceKey);

    private IKeyedServiceProvider Keyed => scope as IKeyedServiceProvider
        ?? throw new InvalidOperationException("The request's service provider does not support keyed services.");
}
