using System.Globalization;
using System.Text.Json.Nodes;

namespace PetitionGraph.Bench;

/// <summary>
/// Checks that PostGraphile's query (aliased to PetitionGraph's field names) returns the same cases in the
/// same order with the same nested values. Ids and cursors differ by design and are left out; instants
/// are compared as instants, whatever offset each server prints.
/// </summary>
public static class PostGraphileComparison
{
    public static async Task<int> RunAsync(Options options)
    {
        using var ours = GraphQLClient.FromFile(options.GetLocalUri("graphql"), options.Get("query"), bearerToken: options.Get("token", ""));
        using var theirs = GraphQLClient.FromFile(options.GetLocalUri("postgraphile"), options.Get("postgraphile-query"));
        var expected = Normalize(JsonNode.Parse(await ours.PostAsync())!, nested: false);
        var actual = Normalize(JsonNode.Parse(await theirs.PostAsync())!, nested: true);
        var same = ResponseComparison.Compare(expected, actual, Console.Out, "PetitionGraph and PostGraphile pages");
        return same ? 0 : 1;
    }

    /// <summary>PostGraphile lists relations as connections (<c>petitioners.nodes[].petitioner</c>): flatten them.</summary>
    private static JsonNode Normalize(JsonNode response, bool nested)
    {
        var cases = response["data"]!["cases"]!;
        var nodes = new JsonArray();
        foreach (var node in cases["nodes"]!.AsArray())
        {
            nodes.Add(new JsonObject
            {
                ["number"] = node!["number"]!.DeepClone(),
                ["title"] = node["title"]!.DeepClone(),
                ["status"] = node["status"]!.DeepClone(),
                ["openedAt"] = DateTimeOffset.Parse((string)node["openedAt"]!, CultureInfo.InvariantCulture).UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                ["category"] = node["category"]!.DeepClone(),
                ["village"] = node["village"]!.DeepClone(),
                ["petitioners"] = Items(node["petitioners"]!, nested ? "petitioner" : null),
                ["leaders"] = Items(node["leaders"]!, nested ? "leader" : null),
            });
        }
        return new JsonObject
        {
            ["data"] = new JsonObject
            {
                ["cases"] = new JsonObject { ["hasNextPage"] = cases["pageInfo"]!["hasNextPage"]!.DeepClone(), ["nodes"] = nodes },
            },
        };
    }

    private static JsonArray Items(JsonNode list, string? inner) =>
        inner is null
            ? list.AsArray().DeepClone().AsArray()
            : [.. list["nodes"]!.AsArray().Select(n => n![inner]!.DeepClone())];
}
