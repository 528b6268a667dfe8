using System.Net;
using Microsoft.Extensions.Logging;
using Npgsql;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Data;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Hosting;

/// <summary>
/// With the database gone, every request gets 503 with Retry-After and a code a client can act on — never 200 with
/// INTERNAL_ERROR — nothing is half-done, and the log says once that the database is gone and once that it is back.
/// </summary>
public abstract class DatabaseOutageTests(DatabaseProvider provider) : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _folder = new();
    private TcpProxy? _proxy;
    private CustomHost _host = null!;

    public async Task InitializeAsync()
    {
        string connection;
        if (provider == DatabaseProvider.Postgres)
        {
            var direct = new NpgsqlConnectionStringBuilder(await PostgresServer.CreateDatabaseAsync("pg_outage"));
            _proxy = new TcpProxy(direct.Port);
            direct.Port = _proxy.Port;
            direct.Timeout = 3;
            connection = direct.ConnectionString;
        }
        else
        {
            connection = $"Data Source={Path.Combine(_folder.Path, "db", "outage.db")}";
        }
        _host = new CustomHost(provider, connection, 20, new Dictionary<string, string?>());
        await _host.InitializeAsync();
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    public void Dispose()
    {
        _proxy?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _folder.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Requests_during_an_outage_get_503_with_Retry_After_and_the_log_says_it_once()
    {
        var analyst = _host.ClientAs(Role.Analyst, "outage-analyst");
        var office = _host.ClientAs(Role.Office, "outage-office");
        Assert.Equal(20, (await analyst.QueryAsync("{ cases { totalCount } }")).GetProperty("cases").GetProperty("totalCount").GetInt32());

        TakeDatabaseAway();
        for (var i = 0; i < 5; i++)
        {
            foreach (var (client, query) in new[]
            {
                (analyst, "{ cases { totalCount } }"),
                (office, "{ petitioners(first: 2) { nodes { name phone } } }"),
                (office, "mutation { registerPetition(input: { receivedAt: \"2026-10-01\", channel: LETTER, title: \"停机期间\", demand: \"要求\", categoryCode: \"OTHER\", villageCode: \"9901001\", petitioners: [{ name: \"甲\" }] }) { userErrors { code } } }"),
            })
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent(query) };
                using var response = await client.Http.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}: {body}");
                Assert.Equal(TimeSpan.FromSeconds(DatabaseOutage.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
                Assert.Contains(DatabaseOutage.Code, body, StringComparison.Ordinal);
                Assert.DoesNotContain("INTERNAL_ERROR", body, StringComparison.Ordinal);
            }
        }
        var ready = await analyst.Http.GetAsync(new Uri("/readyz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);

        BringDatabaseBack();
        Assert.Equal(20, (await analyst.QueryAsync("{ cases { totalCount } }")).GetProperty("cases").GetProperty("totalCount").GetInt32());
        var outage = _host.Log.Entries.Where(e => e.Category == typeof(DatabaseOutage).FullName).ToList();
        Assert.Single(outage, e => e.Message.Contains("cannot be reached", StringComparison.Ordinal));
        Assert.Single(outage, e => e.Message.Contains("reachable again", StringComparison.Ordinal));
        Assert.DoesNotContain(_host.Log.Entries, e => e.Level >= LogLevel.Error && e.Category != typeof(DatabaseOutage).FullName);
    }

    private void TakeDatabaseAway()
    {
        if (_proxy is not null)
        {
            _proxy.Cut();
            NpgsqlConnection.ClearAllPools();
            return;
        }
        Directory.Move(Path.Combine(_folder.Path, "db"), Path.Combine(_folder.Path, "gone"));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private void BringDatabaseBack()
    {
        if (_proxy is not null)
        {
            _proxy.Resume();
            return;
        }
        Directory.Move(Path.Combine(_folder.Path, "gone"), Path.Combine(_folder.Path, "db"));
    }

    private static StringContent JsonContent(string query) =>
        new(System.Text.Json.JsonSerializer.Serialize(new { query }), System.Text.Encoding.UTF8, "application/json");
}

public sealed class DatabaseOutageTestsOnSqlite() : DatabaseOutageTests(DatabaseProvider.Sqlite);

public sealed class DatabaseOutageTestsOnPostgres() : DatabaseOutageTests(DatabaseProvider.Postgres);

/// <summary>What counts as the database being unreachable: never a socket error of something else (a mail server, a webhook receiver).</summary>
public sealed class DatabaseOutageClassificationTests
{
    [Fact]
    public void A_broken_connection_to_another_server_is_not_a_database_outage_but_a_broken_database_connection_is()
    {
        var socket = new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionReset);
        Assert.False(Api.Data.DatabaseOutage.IsUnavailable(new IOException("Unable to write data to the transport connection: Broken pipe.", socket)));
        Assert.False(Api.Data.DatabaseOutage.IsUnavailable(new InvalidOperationException("outer", new IOException("Broken pipe", socket))));
        Assert.True(Api.Data.DatabaseOutage.IsUnavailable(new Npgsql.NpgsqlException("Exception while reading from stream", new IOException("reset", socket))));
    }
}
