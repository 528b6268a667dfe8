using PetitionGraph.Api.Access;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.DataLoading;
using PetitionGraph.Api.GraphQL.Execution;

namespace PetitionGraph.Tests.GraphQL;

/// <summary>The resolvers' view of a request's services holds the per-row scoped services and nothing else.</summary>
public sealed class RequestServicesTests
{
    private sealed class Transient;

    private sealed class OtherScoped;

    [Fact]
    public void It_gives_the_scopes_own_instances_and_never_holds_a_transient()
    {
        var services = new ServiceCollection();
        services.AddScoped<LoaderCache>();
        services.AddScoped<PersonalDataReads>();
        services.AddScoped<OtherScoped>();
        services.AddTransient<Transient>();
        services.AddKeyedScoped<OtherScoped>("key");
        using var root = services.BuildServiceProvider();
        using var scope = root.CreateScope();
        var request = new RequestServices(scope.ServiceProvider);

        var loaders = request.GetRequiredService<LoaderCache>();
        Assert.Same(scope.ServiceProvider.GetRequiredService<LoaderCache>(), loaders);
        Assert.Same(loaders, request.GetRequiredService<LoaderCache>());
        Assert.Same(scope.ServiceProvider.GetRequiredService<PersonalDataReads>(), request.GetService(typeof(PersonalDataReads)));
        Assert.Same(scope.ServiceProvider.GetRequiredService<OtherScoped>(), request.GetRequiredService<OtherScoped>());
        Assert.NotSame(request.GetRequiredService<Transient>(), request.GetRequiredService<Transient>());
        Assert.Same(scope.ServiceProvider.GetRequiredKeyedService<OtherScoped>("key"), request.GetRequiredKeyedService<OtherScoped>("key"));

        // A per-row type the scope does not have is still an error, as it would be from the scope itself.
        Assert.Null(request.GetService(typeof(AccessScope)));
        Assert.Throws<InvalidOperationException>(() => request.GetRequiredService<AccessScope>());
    }

    [Fact]
    public void Resolvers_on_many_threads_all_get_the_one_instance()
    {
        var services = new ServiceCollection();
        services.AddScoped<LoaderCache>();
        using var root = services.BuildServiceProvider();
        using var scope = root.CreateScope();
        var request = new RequestServices(scope.ServiceProvider);

        var seen = new LoaderCache[64];
        Parallel.For(0, seen.Length, i => seen[i] = request.GetRequiredService<LoaderCache>());

        Assert.All(seen, s => Assert.Same(scope.ServiceProvider.GetRequiredService<LoaderCache>(), s));
    }
}
