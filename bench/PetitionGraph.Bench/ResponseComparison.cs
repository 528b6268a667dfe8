using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PetitionGraph.Bench;

/// <summary>Compares two GraphQL responses value by value and prints where they differ.</summary>
public static class ResponseComparison
{
    private const int MaxReported = 10;
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static bool Compare(string expectedJson, string actualJson, TextWriter output, string what = "GraphQL and SQL responses") =>
        Compare(JsonNode.Parse(expectedJson), JsonNode.Parse(actualJson), output, what);

    public static bool Compare(JsonNode? expected, JsonNode? actual, TextWriter output, string what)
    {
        var differences = new List<string>();
        Diff(expected, actual, "$", differences);
        var cases = expected?["data"]?["cases"]?["nodes"]?.AsArray().Count is { } count ? $" ({count} cases)" : "";
        if (differences.Count == 0)
        {
            output.WriteLine($"Check: {what} are identical{cases}.");
            return true;
        }
        output.WriteLine($"Check: {what} DIFFER{cases}; first differences:");
        foreach (var d in differences.Take(MaxReported))
        {
            output.WriteLine("  " + d);
        }
        return false;
    }

    private static void Diff(JsonNode? a, JsonNode? b, string path, List<string> differences)
    {
        if (differences.Count >= MaxReported)
        {
            return;
        }
        switch (a, b)
        {
            case (JsonObject x, JsonObject y):
                foreach (var name in x.Select(p => p.Key).Union(y.Select(p => p.Key)))
                {
                    Diff(x[name], y[name], $"{path}.{name}", differences);
                }
                break;
            case (JsonArray x, JsonArray y) when x.Count == y.Count:
                for (var i = 0; i < x.Count; i++)
                {
                    Diff(x[i], y[i], $"{path}[{i}]", differences);
                }
                break;
            case (JsonArray x, JsonArray y):
                differences.Add($"{path}: {x.Count} items vs {y.Count}");
                break;
            default:
                if (!JsonNode.DeepEquals(a, b))
                {
                    differences.Add($"{path}: {a?.ToJsonString(Readable) ?? "null"} vs {b?.ToJsonString(Readable) ?? "null"}");
                }
                break;
        }
    }
}
