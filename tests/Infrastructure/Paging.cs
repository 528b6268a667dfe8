using System.Text.Json;

namespace PetitionGraph.Tests.Infrastructure;

public static class Paging
{
    /// <summary>Follows endCursor through a root connection and returns the chosen field of every node, in order.</summary>
    public static async Task<List<string>> AllAsync(GraphQLClient client, string field, string nodeField, object? where = null,
        object? order = null, int pageSize = 100, string filterType = "CaseFilterInput", string sortType = "CaseSortInput")
    {
        var query = $$"""
            query Page($where: {{filterType}}, $order: [{{sortType}}!], $first: Int, $after: String) {
              {{field}}(where: $where, order: $order, first: $first, after: $after) {
                pageInfo { hasNextPage endCursor }
                nodes { {{nodeField}} }
              }
            }
            """;
        var values = new List<string>();
        string? after = null;
        for (var guard = 0; guard < 1000; guard++)
        {
            var data = await client.QueryAsync(query, new { where, order, first = pageSize, after });
            var connection = data.GetProperty(field);
            values.AddRange(connection.GetProperty("nodes").EnumerateArray().Select(n => Text(n.GetProperty(nodeField))));
            var info = connection.GetProperty("pageInfo");
            if (!info.GetProperty("hasNextPage").GetBoolean())
            {
                return values;
            }
            after = info.GetProperty("endCursor").GetString();
        }
        throw new InvalidOperationException("Paging did not end.");
    }

    /// <summary>Pages backwards from the end with last/before; returns values in list order.</summary>
    public static async Task<List<string>> AllBackwardAsync(GraphQLClient client, string field, string nodeField, object? order, int pageSize)
    {
        var query = $$"""
            query Page($order: [CaseSortInput!], $last: Int, $before: String) {
              {{field}}(order: $order, last: $last, before: $before) {
                pageInfo { hasPreviousPage startCursor }
                nodes { {{nodeField}} }
              }
            }
            """;
        var pages = new List<List<string>>();
        string? before = null;
        for (var guard = 0; guard < 1000; guard++)
        {
            var data = await client.QueryAsync(query, new { order, last = pageSize, before });
            var connection = data.GetProperty(field);
            pages.Add(connection.GetProperty("nodes").EnumerateArray().Select(n => Text(n.GetProperty(nodeField))).ToList());
            var info = connection.GetProperty("pageInfo");
            if (!info.GetProperty("hasPreviousPage").GetBoolean())
            {
                pages.Reverse();
                return pages.SelectMany(p => p).ToList();
            }
            before = info.GetProperty("startCursor").GetString();
        }
        throw new InvalidOperationException("Paging did not end.");
    }

    private static string Text(JsonElement e) => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText();
}
