using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PetitionGraph.Tests.Docs;

/// <summary>
/// The README's GraphQL examples: a ```graphql block followed by a ```json block with its output. The query block may
/// begin with <c># token: ROLE</c> (OFFICE when absent) and carry <c># variables: {…}</c> lines. The output block is the
/// whole response when it has a top-level "data" or "errors", otherwise the response's data; an array may end with
/// "…" to say that more items follow.
/// </summary>
public sealed partial record ReadmeExample(int Line, string Role, string Query, string? Variables, int OutputStart, int OutputEnd, string Expected)
{
    public const string More = "…";

    public static IReadOnlyList<ReadmeExample> Parse(IReadOnlyList<string> lines)
    {
        var examples = new List<ReadmeExample>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Trim() != "```graphql")
            {
                continue;
            }
            var end = lines.Skip(i + 1).ToList().FindIndex(l => l.Trim() == "```") + i + 1;
            var next = end + 1;
            while (next < lines.Count && lines[next].Trim().Length == 0)
            {
                next++;
            }
            if (next >= lines.Count || lines[next].Trim() != "```json")
            {
                i = end;
                continue;
            }
            var outputEnd = lines.Skip(next + 1).ToList().FindIndex(l => l.Trim() == "```") + next + 1;
            var body = lines.Skip(i + 1).Take(end - i - 1).ToList();
            var role = body.Select(l => TokenLine().Match(l)).FirstOrDefault(m => m.Success)?.Groups[1].Value ?? "OFFICE";
            var variables = string.Concat(body.Where(l => l.TrimStart().StartsWith('#')).Select(l => l.TrimStart().TrimStart('#').Trim())
                .SkipWhile(l => !l.StartsWith("variables:", StringComparison.Ordinal)).Select(l => l.StartsWith("variables:", StringComparison.Ordinal) ? l["variables:".Length..] : l));
            var query = string.Join('\n', body.Where(l => !l.TrimStart().StartsWith('#')));
            examples.Add(new ReadmeExample(i + 1, role, query, variables.Length == 0 ? null : variables, next + 1, outputEnd, string.Join('\n', lines.Skip(next + 1).Take(outputEnd - next - 1))));
            i = outputEnd;
        }
        return examples;
    }

    /// <summary>Whether the actual response matches what the README shows; the reason when it does not.</summary>
    public string? Mismatch(JsonElement response)
    {
        var expected = JsonDocument.Parse(Expected).RootElement;
        var actual = ShownPart(expected, response);
        return Difference(expected, actual, "$");
    }

    /// <summary>The block the README should show for this response, in the README's compact style, cut where it cuts.</summary>
    public string Render(JsonElement response)
    {
        var expected = JsonDocument.Parse(Expected).RootElement;
        var shown = Cut(expected, System.Text.Json.Nodes.JsonNode.Parse(ShownPart(expected, response).GetRawText()));
        return Format(JsonDocument.Parse(shown?.ToJsonString() ?? "null").RootElement, 0);
    }

    private static System.Text.Json.Nodes.JsonNode? Cut(JsonElement expected, System.Text.Json.Nodes.JsonNode? actual)
    {
        switch (actual)
        {
            case System.Text.Json.Nodes.JsonArray array when expected.ValueKind == JsonValueKind.Array:
                var items = expected.EnumerateArray().ToList();
                if (items.Count > 0 && items[^1].ValueKind == JsonValueKind.String && items[^1].GetString() == More && array.Count >= items.Count - 1)
                {
                    while (array.Count > items.Count - 1)
                    {
                        array.RemoveAt(array.Count - 1);
                    }
                    array.Add(More);
                }
                for (var k = 0; k < Math.Min(items.Count, array.Count); k++)
                {
                    array[k] = Cut(items[k], array[k]?.DeepClone());
                }
                return array;
            case System.Text.Json.Nodes.JsonObject map when expected.ValueKind == JsonValueKind.Object:
                foreach (var name in map.Select(p => p.Key).ToList())
                {
                    if (expected.TryGetProperty(name, out var inner))
                    {
                        map[name] = Cut(inner, map[name]?.DeepClone());
                    }
                }
                return map;
            default:
                return actual;
        }
    }

    private static JsonElement ShownPart(JsonElement expected, JsonElement response) =>
        expected.ValueKind == JsonValueKind.Object && (expected.TryGetProperty("data", out _) || expected.TryGetProperty("errors", out _))
            ? response
            : response.GetProperty("data");

    private static string? Difference(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.ValueKind == JsonValueKind.Array && actual.ValueKind == JsonValueKind.Array)
        {
            var items = expected.EnumerateArray().ToList();
            var open = items.Count > 0 && items[^1].ValueKind == JsonValueKind.String && items[^1].GetString() == More;
            var shown = open ? items.Count - 1 : items.Count;
            if (open ? actual.GetArrayLength() < shown : actual.GetArrayLength() != shown)
            {
                return $"{path}: {actual.GetArrayLength()} items, the README shows {(open ? "at least " : "")}{shown}";
            }
            return Enumerable.Range(0, shown).Select(k => Difference(items[k], actual[k], $"{path}[{k}]")).FirstOrDefault(d => d is not null);
        }
        if (expected.ValueKind == JsonValueKind.Object && actual.ValueKind == JsonValueKind.Object)
        {
            var names = expected.EnumerateObject().Select(p => p.Name).ToList();
            var actualNames = actual.EnumerateObject().Select(p => p.Name).ToList();
            if (!names.Order(StringComparer.Ordinal).SequenceEqual(actualNames.Order(StringComparer.Ordinal)))
            {
                return $"{path}: fields {string.Join(",", actualNames)}, the README shows {string.Join(",", names)}";
            }
            return names.Select(n => Difference(expected.GetProperty(n), actual.GetProperty(n), $"{path}.{n}")).FirstOrDefault(d => d is not null);
        }
        if (expected.ValueKind == JsonValueKind.Number && actual.ValueKind == JsonValueKind.Number)
        {
            return expected.GetDecimal() == actual.GetDecimal() ? null : $"{path}: {actual.GetRawText()}, the README shows {expected.GetRawText()}";
        }
        return expected.ValueKind == actual.ValueKind && expected.ToString() == actual.ToString()
            ? null
            : $"{path}: {actual.GetRawText()}, the README shows {expected.GetRawText()}";
    }

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One line when it fits in 116 characters (with what precedes it on the line), else one member per line.</summary>
    public static string Format(JsonElement value, int indent, int prefix = 0)
    {
        var flat = Flat(value);
        if (indent + prefix + flat.Length <= 116 || value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
        {
            return flat;
        }
        var pad = new string(' ', indent + 2);
        var members = value.ValueKind == JsonValueKind.Object
            ? value.EnumerateObject().Select(p =>
            {
                var key = JsonSerializer.Serialize(p.Name, Relaxed) + ": ";
                return pad + key + Format(p.Value, indent + 2, key.Length);
            }).ToList()
            : value.EnumerateArray().Select(v => pad + Format(v, indent + 2)).ToList();
        var (open, close) = value.ValueKind == JsonValueKind.Object ? ('{', '}') : ('[', ']');
        return open + "\n" + string.Join(",\n", members) + "\n" + new string(' ', indent) + close;
    }

    private static string Flat(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(", ", value.EnumerateObject().Select(p => JsonSerializer.Serialize(p.Name, Relaxed) + ": " + Flat(p.Value))) + "}",
        JsonValueKind.Array => "[" + string.Join(", ", value.EnumerateArray().Select(Flat)) + "]",
        _ => JsonSerializer.Serialize(value, Relaxed),
    };

    [GeneratedRegex(@"^\s*#\s*token:\s*([A-Z_]+)")]
    private static partial Regex TokenLine();
}
