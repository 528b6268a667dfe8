using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.GraphQL;

/// <summary>A user's mistake gets a code and a message a person understands; never an internal error.</summary>
public abstract class ErrorTests(TestHost host)
{
    [Theory]
    [InlineData("{ cases(first: 101) { totalCount } }", "PAGE_SIZE")]
    [InlineData("{ cases(first: -1) { totalCount } }", "PAGE_SIZE")]
    [InlineData("{ cases(last: 500) { totalCount } }", "PAGE_SIZE")]
    [InlineData("{ cases(first: 5, last: 5) { totalCount } }", "INVALID_ARGUMENT")]
    [InlineData("{ cases(after: \"not-a-cursor\") { totalCount } }", "INVALID_CURSOR")]
    [InlineData("{ cases(after: \"WyJ4Il0\") { totalCount } }", "INVALID_CURSOR")]
    [InlineData("{ node(id: \"!!\") { id } }", "INVALID_ID")]
    [InlineData("{ node(id: \"Tm9wZToz\") { id } }", "INVALID_ID")]
    [InlineData("{ cases(where: { status: { eq: OPEN } }) { totalCount } }", "ARGUMENTS_OF_CORRECT_TYPE")]
    [InlineData("{ cases(where: { openedAt: { gt: \"yesterday\" } }) { totalCount } }", "ARGUMENTS_OF_CORRECT_TYPE")]
    public async Task Bad_input_gets_its_code(string query, string code)
    {
        var response = await host.Client.PostAsync(query);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.Status);
        Assert.Equal(code, response.ErrorCodes[0]);
        Assert.DoesNotContain("   at ", response.Body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cursor_from_another_order_is_refused()
    {
        var data = await host.Client.QueryAsync("{ cases(first: 1, order: [{ openedAt: DESC }]) { pageInfo { endCursor } } }");
        var cursor = data.GetProperty("cases").GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var response = await host.Client.PostAsync("query($c: String) { cases(first: 1, after: $c) { totalCount } }", new { c = cursor });
        Assert.Equal("INVALID_CURSOR", response.ErrorCodes[0]);
        Assert.Contains("another order", response.FirstErrorMessage, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ErrorTestsOnSqlite(SqliteHost host) : ErrorTests(host);

[Collection(PostgresCollection.Name)]
public sealed class ErrorTestsOnPostgres(PostgresHost host) : ErrorTests(host);
