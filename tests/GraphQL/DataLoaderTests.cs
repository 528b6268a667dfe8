using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.GraphQL;

/// <summary>Relations load through batch loaders: the SQL statements of a request do not grow with the page size.</summary>
public abstract class DataLoaderTests(TestHost host)
{
    /// <summary>An analyst: names come back masked, so no audit statement joins the reads being counted.</summary>
    private GraphQLClient Reader { get; } = host.ClientAs(PetitionGraph.Api.Access.Role.Analyst, "test-analyst");

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
    public async Task Reference_data_whose_columns_alone_are_selected_is_joined_into_the_page()
    {
        var cases = (await CaseOracle.LoadAsync(host)).OrderBy(c => c.Id).Take(50).ToList();
        host.Sql.Clear();
        var data = await Reader.QueryAsync("{ cases(first: 50) { nodes { number village { name } category { code } } } }");
        Assert.Single(host.Sql.Commands);
        var nodes = data.GetProperty("cases").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(cases.Select(c => (c.Number, c.Village!.Name, c.Category!.Code)),
            nodes.Select(n => (n.GetProperty("number").GetString()!, n.GetProperty("village").GetProperty("name").GetString()!,
                n.GetProperty("category").GetProperty("code").GetString()!)));
    }

    [Fact]
    public async Task One_short_list_whose_columns_alone_are_selected_is_read_in_the_page_statement()
    {
        var now = TestHost.Now.UtcDateTime;
        var cases = (await CaseOracle.LoadAsync(host)).OrderByDescending(c => c.OpenedAt).ThenBy(c => c.Id).Take(60).ToList();
        host.Sql.Clear();
        var data = await Reader.QueryAsync("""
            { cases(first: 60, order: [{ openedAt: DESC }]) { nodes { number
                petitioners { name } leaders { name title } petitions { level receivedAt } village { name } } } }
            """);
        // The first list is folded into the page; folding a second would multiply the rows, so the others come from
        // their loaders (together, in one level).
        Assert.Equal(3, host.Sql.Commands.Count);
        Assert.Contains("case_petitioners", host.Sql.Commands[0], StringComparison.Ordinal);
        Assert.DoesNotContain("leader_assignments", host.Sql.Commands[0], StringComparison.Ordinal);
        var nodes = data.GetProperty("cases").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(cases.Select(c => c.Number), nodes.Select(n => n.GetProperty("number").GetString()));
        foreach (var (node, expected) in nodes.Zip(cases))
        {
            Assert.Equal(expected.Petitioners.OrderBy(p => p.PetitionerId).Select(p => PetitionGraph.Api.Access.PersonalDataPolicy.MaskName(p.Petitioner!.Name)),
                node.GetProperty("petitioners").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
            Assert.Equal(expected.Assignments.Where(a => a.To is null || a.To > now).OrderBy(a => a.Role).ThenBy(a => a.From).ThenBy(a => a.Id).Select(a => a.Leader!.Name),
                node.GetProperty("leaders").EnumerateArray().Select(l => l.GetProperty("name").GetString()));
            Assert.Equal(expected.Petitions.Count, node.GetProperty("petitions").GetArrayLength());
        }
    }

    [Fact]
    public async Task The_page_statement_writes_its_row_limit_and_gives_the_same_rows_each_time()
    {
        // The limit is a literal (first + 1), so PostgreSQL's generic plan of the prepared statement is as cheap as a
        // custom one and planning stops; the folded list's shaper is compiled once and shared by every execution.
        const string page = "{ cases(first: 7, order: [{ openedAt: DESC }]) { nodes { number petitioners { name } } } }";
        host.Sql.Clear();
        var first = (await Reader.QueryAsync(page)).GetRawText();
        Assert.Contains("LIMIT 8", Assert.Single(host.Sql.Commands));
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(first, (await Reader.QueryAsync(page)).GetRawText());
        }
    }

    [Fact]
    public async Task A_relation_with_its_own_relations_selected_is_loaded_in_one_batch_per_level()
    {
        host.Sql.Clear();
        var data = await Reader.QueryAsync("{ cases(first: 50) { nodes { village { name leaders { name } } } } }");
        Assert.Equal(50, data.GetProperty("cases").GetProperty("nodes").GetArrayLength());
        Assert.Equal(3, host.Sql.Commands.Count); // the page, the villages, their leaders
    }

    private async Task<int> CountStatementsAsync(int first)
    {
        host.Sql.Clear();
        var data = await Reader.QueryAsync(Query, new { first });
        Assert.Equal(first, data.GetProperty("cases").GetProperty("nodes").GetArrayLength());
        return host.Sql.Commands.Count;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DataLoaderTestsOnSqlite(SqliteHost host) : DataLoaderTests(host);

[Collection(PostgresCollection.Name)]
public sealed class DataLoaderTestsOnPostgres(PostgresHost host) : DataLoaderTests(host);
