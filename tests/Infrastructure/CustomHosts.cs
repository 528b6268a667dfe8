using PetitionGraph.Api.Data;

namespace PetitionGraph.Tests.Infrastructure;

/// <summary>The hosts a test starts on databases and settings it chooses (two instances on one database, say), stopped together.</summary>
public sealed class CustomHosts(DatabaseProvider provider) : IAsyncDisposable
{
    private readonly List<CustomHost> _hosts = [];

    public async Task<CustomHost> StartAsync(string connection, int cases, IReadOnlyDictionary<string, string?> settings)
    {
        var host = new CustomHost(provider, connection, cases, settings);
        _hosts.Add(host);
        await host.InitializeAsync();
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
    }
}
