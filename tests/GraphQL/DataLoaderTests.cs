using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.GraphQL;

/// <summary>Relations load through batch loaders: the SQL statements of a request do not grow with the page size.</summary>
public abstract class DataLoaderTests(TestHost host)
{
    private const string Query = """
        query($first: Int) {
          cases(first: $first) {
            nodes {
              number
              category { code }
              village { name leaders { name } }
              petitioners { name village { name } }
              leaders { name }
              assignments { role leader { name } }
              petitions { level }
              evaluations { result }
              activities { kind }
              events(first: 2) { totalCount nodes { kind } }
            }
          }
        }
        """;

    [Fact]
    public async Task Hundred_cases_with_their_relations_cost_the_same_statements_as_ten()
    {
        var ten = await CountStatementsAsync(10);
        var hundred = await CountStatementsAsync(100);
        Assert.Equal(ten, hundred);
        Assert.InRange(hundred, 1, 14);
    }

    [Fact]
    public async Task Each_relation_is_loaded_once_per_level()
    {
        host.Sql.Clear();
        var data = await host.Client.QueryAsync("{ cases(first: 50) { nodes { village { name } category { code } } } }");
        Assert.Equal(50, data.GetProperty("cases").GetProperty("nodes").GetArrayLength());
        Assert.Equal(3, host.Sql.Commands.Count); // the page, villages, categories
    }

    private async Task<int> CountStatementsAsync(int first)
    {
        host.Sql.Clear();
        var data = await host.Client.QueryAsync(Query, new { first });
        Assert.Equal(first, data.GetProperty("cases").GetProperty("nodes").GetArrayLength());
        return host.Sql.Commands.Count;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DataLoaderTestsOnSqlite(SqliteHost host) : DataLoaderTests(host);

[Collection(PostgresCollection.Name)]
public sealed class DataLoaderTestsOnPostgres(PostgresHost host) : DataLoaderTests(host);
