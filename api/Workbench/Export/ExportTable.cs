using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using GraphQLParser.AST;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.Projection;

namespace PetitionGraph.Api.Workbench.Export;

/// <summary>A cell: text, a number, a yes/no, or an office-time date (Date: the day only).</summary>
internal readonly record struct ExportCell(object? Value, bool DateOnly = false);

/// <summary>
/// The first list in a result as a table: one row per item (a connection's nodes, or its edges' nodes), one column per
/// leaf the query selects under it, named by its path (<c>village.name</c>); a list inside an item is joined in one
/// cell. Instants are written in office time, numbers as numbers.
/// </summary>
internal sealed partial class ExportTable
{
    private const string Joiner = "; ";

    private readonly OfficeTime _office;
    private readonly bool _edges;

    private ExportTable(IReadOnlyList<string> listPath, IReadOnlyList<string> columns, bool edges, OfficeTime office)
    {
        ListPath = listPath;
        Columns = columns;
        _edges = edges;
        _office = office;
    }

    /// <summary>Response keys from the root to the list.</summary>
    public IReadOnlyList<string> ListPath { get; }

    public IReadOnlyList<string> Columns { get; }

    /// <summary>The table of the first list in <paramref name="data"/>, or null when the result has no list.</summary>
    public static ExportTable? Find(ExportPlan plan, JsonElement data, OfficeTime office)
    {
        if (FirstList(data, []) is not { } path)
        {
            return null;
        }
        var edges = path[^1] == "edges";
        var field = FieldAt(plan, path);
        if (edges && field is not null)
        {
            field = Selections.Fields(field.SelectionSet, plan.Document).FirstOrDefault(f => f.Name.StringValue == "node");
        }
        var columns = field?.SelectionSet is { } selected ? Leaves(plan.Document, selected, "").Distinct().ToList() : [];
        if (columns.Count == 0)
        {
            // A list of scalars (or a selection the plan could not follow): one column named by the list.
            columns = [path[^1]];
        }
        return new ExportTable(path, columns, edges, office);
    }

    /// <summary>True when the list is the paged connection's nodes or edges (so later pages continue it).</summary>
    public bool IsPaged(ExportPlan plan) =>
        plan.AfterVariable is not null && plan.ConnectionPath is { } connection && ListPath.Count == connection.Count + 1
        && ListPath.Take(connection.Count).SequenceEqual(connection);

    /// <summary>The connection's page info in this page's data: whether another page follows, and its cursor.</summary>
    public (bool HasNext, string? Cursor) NextPage(JsonElement data)
    {
        var connection = At(data, ListPath.Take(ListPath.Count - 1));
        if (connection is { ValueKind: JsonValueKind.Object } c && c.TryGetProperty(ExportPlan.PageInfoAlias, out var info) && info.ValueKind == JsonValueKind.Object)
        {
            var next = info.TryGetProperty("hasNextPage", out var h) && h.ValueKind == JsonValueKind.True;
            var cursor = info.TryGetProperty("endCursor", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            return (next && cursor is not null, cursor);
        }
        return (false, null);
    }

    /// <summary>This page's rows.</summary>
    public IEnumerable<ExportCell[]> Rows(JsonElement data)
    {
        if (At(data, ListPath) is not { ValueKind: JsonValueKind.Array } list)
        {
            yield break;
        }
        foreach (var raw in list.EnumerateArray())
        {
            var item = _edges && raw.ValueKind == JsonValueKind.Object && raw.TryGetProperty("node", out var node) ? node : raw;
            var row = new ExportCell[Columns.Count];
            for (var i = 0; i < Columns.Count; i++)
            {
                row[i] = item.ValueKind == JsonValueKind.Object ? Cell(Collect(item, Columns[i].Split('.'), 0).ToList()) : Cell([item]);
            }
            yield return row;
        }
    }

    private static List<string>? FirstList(JsonElement element, List<string> path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name == ExportPlan.PageInfoAlias)
            {
                continue;
            }
            if (property.Value.ValueKind == JsonValueKind.Array)
            {
                return [.. path, property.Name];
            }
            if (FirstList(property.Value, [.. path, property.Name]) is { } found)
            {
                return found;
            }
        }
        return null;
    }

    private static GraphQLField? FieldAt(ExportPlan plan, IReadOnlyList<string> path)
    {
        GraphQLField? field = null;
        var set = plan.Operation.SelectionSet;
        foreach (var key in path)
        {
            field = Selections.Fields(set, plan.Document).FirstOrDefault(f => ExportPlan.Key(f) == key);
            if (field is null)
            {
                return null;
            }
            set = field.SelectionSet;
        }
        return field;
    }

    private static IEnumerable<string> Leaves(GraphQLDocument document, GraphQLSelectionSet set, string prefix)
    {
        foreach (var field in Selections.Fields(set, document))
        {
            var key = ExportPlan.Key(field);
            if (key == ExportPlan.PageInfoAlias)
            {
                continue;
            }
            if (field.SelectionSet is null)
            {
                yield return prefix + key;
                continue;
            }
            foreach (var leaf in Leaves(document, field.SelectionSet, prefix + key + "."))
            {
                yield return leaf;
            }
        }
    }

    private static JsonElement? At(JsonElement element, IEnumerable<string> path)
    {
        foreach (var key in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(key, out element))
            {
                return null;
            }
        }
        return element;
    }

    /// <summary>The values at a column's path under one item: several when a list lies on the way.</summary>
    private static IEnumerable<JsonElement> Collect(JsonElement element, string[] path, int depth)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var value in Collect(item, path, depth))
                {
                    yield return value;
                }
            }
            yield break;
        }
        if (depth == path.Length)
        {
            yield return element;
            yield break;
        }
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(path[depth], out var next))
        {
            foreach (var value in Collect(next, path, depth + 1))
            {
                yield return value;
            }
        }
    }

    private ExportCell Cell(List<JsonElement> values)
    {
        var present = values.Where(v => v.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)).ToList();
        return present.Count switch
        {
            0 => default,
            1 => Scalar(present[0]),
            _ => new ExportCell(string.Join(Joiner, present.Select(v => Text(Scalar(v))))),
        };
    }

    private ExportCell Scalar(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                return new ExportCell(value.TryGetInt64(out var whole) ? whole : value.GetDouble());
            case JsonValueKind.True or JsonValueKind.False:
                return new ExportCell(value.GetBoolean());
            case JsonValueKind.String:
                var text = value.GetString()!;
                if (Instant().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
                {
                    return new ExportCell(_office.ToOffice(instant.UtcDateTime).DateTime);
                }
                if (Day().IsMatch(text) && DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    return new ExportCell(day, DateOnly: true);
                }
                return new ExportCell(text);
            default:
                return new ExportCell(value.GetRawText());
        }
    }

    /// <summary>A cell as text (CSV, and the parts of a joined cell).</summary>
    public static string Text(ExportCell cell) => cell.Value switch
    {
        null => "",
        DateTime day when cell.DateOnly => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool yes => yes ? "true" : "false",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString() ?? "",
    };

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Instant();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex Day();
}
