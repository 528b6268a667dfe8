using PetitionGraph.Api.GraphQL.Relay;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.GraphQL;

public abstract class NodeTests(TestHost host)
{
    [Theory]
    [InlineData("cases", "Case", "number")]
    [InlineData("petitions", "Petition", "receivedAt")]
    [InlineData("petitioners", "Petitioner", "name")]
    [InlineData("leaders", "Leader", "name")]
    [InlineData("villages", "Village", "name")]
    [InlineData("categories", "Category", "code")]
    public async Task Every_listed_object_can_be_fetched_again_by_its_id(string list, string type, string field)
    {
        var data = await host.Client.QueryAsync($"{{ {list}(first: 3) {{ nodes {{ id {field} }} }} }}");
        var nodes = data.GetProperty(list).GetProperty("nodes").EnumerateArray().ToList();
        var ids = nodes.Select(n => n.GetProperty("id").GetString()!).ToArray();
        var fetched = await host.Client.QueryAsync($"query($ids: [ID!]!) {{ nodes(ids: $ids) {{ __typename id ... on {type} {{ {field} }} }} }}", new { ids });
        var again = fetched.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(ids, again.Select(n => n.GetProperty("id").GetString()));
        Assert.All(again, n => Assert.Equal(type, n.GetProperty("__typename").GetString()));
        Assert.Equal(nodes.Select(n => n.GetProperty(field).GetRawText()), again.Select(n => n.GetProperty(field).GetRawText()));
    }

    [Fact]
    public async Task The_same_document_answers_each_request_by_its_own_include_and_skip_variables()
    {
        // Fields are collected once per selection set and type; @include/@skip with variables must still decide per request.
        const string query = "query($withTitle: Boolean!, $hideName: Boolean!) { leaders(first: 3) { nodes { name @skip(if: $hideName) title @include(if: $withTitle) } } }";
        foreach (var (withTitle, hideName) in new[] { (true, false), (false, false), (true, true), (false, true), (true, false) })
        {
            var nodes = (await host.Client.QueryAsync(query, new { withTitle, hideName })).GetProperty("leaders").GetProperty("nodes").EnumerateArray().ToList();
            Assert.Equal(3, nodes.Count);
            Assert.All(nodes, n =>
            {
                Assert.Equal(withTitle, n.TryGetProperty("title", out _));
                Assert.Equal(!hideName, n.TryGetProperty("name", out _));
            });
        }
    }

    [Fact]
    public async Task Nodes_of_different_types_in_one_request_each_read_their_own_fields()
    {
        var ids = new[] { GlobalId.Encode("Case", 1), GlobalId.Encode("Leader", 1), GlobalId.Encode("Village", 1), GlobalId.Encode("Case", 2) };
        var data = await host.Client.QueryAsync("""
            query($ids: [ID!]!) { nodes(ids: $ids) { __typename ... on Case { number village { name } } ... on Leader { name title } ... on Village { code name } } }
            """, new { ids });
        var nodes = data.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(["Case", "Leader", "Village", "Case"], nodes.Select(n => n.GetProperty("__typename").GetString()));
        Assert.Equal("2019-0001", nodes[0].GetProperty("number").GetString());
        Assert.False(string.IsNullOrEmpty(nodes[0].GetProperty("village").GetProperty("name").GetString()));
        Assert.Equal("镇党委书记", nodes[1].GetProperty("title").GetString());
        Assert.Equal("9901001", nodes[2].GetProperty("code").GetString());
        Assert.Equal("2019-0002", nodes[3].GetProperty("number").GetString());
    }

    [Fact]
    public async Task A_missing_object_is_null_not_an_error()
    {
        var data = await host.Client.QueryAsync("query($id: ID!) { node(id: $id) { id } }", new { id = GlobalId.Encode("Case", 999_999) });
        Assert.Equal(System.Text.Json.JsonValueKind.Null, data.GetProperty("node").ValueKind);
    }

    [Fact]
    public async Task Case_by_number_finds_the_case_and_its_relations()
    {
        var data = await host.Client.QueryAsync("""{ caseByNumber(number: "2019-0001") { number category { code } village { name } petitions { isFirst } events(first: 1) { nodes { kind } } } }""");
        var found = data.GetProperty("caseByNumber");
        Assert.Equal("2019-0001", found.GetProperty("number").GetString());
        Assert.True(found.GetProperty("petitions")[0].GetProperty("isFirst").GetBoolean());
        Assert.Equal("REGISTERED", found.GetProperty("events").GetProperty("nodes")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Instants_are_shown_in_office_time()
    {
        var data = await host.Client.QueryAsync("{ cases(first: 1) { nodes { openedAt } } }");
        Assert.EndsWith("+08:00", data.GetProperty("cases").GetProperty("nodes")[0].GetProperty("openedAt").GetString(), StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class NodeTestsOnSqlite(SqliteHost host) : NodeTests(host);

[Collection(PostgresCollection.Name)]
public sealed class NodeTestsOnPostgres(PostgresHost host) : NodeTests(host);
