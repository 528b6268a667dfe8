using System.Text.RegularExpressions;

namespace PetitionGraph.Tests.Reporting;

/// <summary>
/// Reads a report page's cells as a browser styles them: a cell without a class of its own takes the one its table's
/// column rule gives it (#t2 td:nth-child(3) in the rule of td.num). Tests assert the effective class either way.
/// </summary>
internal static partial class HtmlCells
{
    /// <summary>The page with every column rule's class written onto the cells it selects.</summary>
    public static string Inline(string html)
    {
        var rules = new Dictionary<(string Table, int Column), string>();
        foreach (Match rule in Rule().Matches(html))
        {
            foreach (Match column in ColumnSelector().Matches(rule.Groups["selectors"].Value))
            {
                rules[(column.Groups["table"].Value, int.Parse(column.Groups["column"].Value))] = rule.Groups["name"].Value;
            }
        }
        return Table().Replace(html, table => Row().Replace(table.Value, row =>
        {
            var column = 0;
            return Cell().Replace(row.Value, cell =>
            {
                column++;
                return cell.Value == "<td>" && rules.TryGetValue((table.Groups["id"].Value, column), out var name) ? $"<td class=\"{name}\">" : cell.Value;
            });
        }));
    }

    [GeneratedRegex(@"^td\.(?<name>[a-z]+)(?<selectors>(, #t\d+ td:nth-child\(\d+\))*) \{", RegexOptions.Multiline)]
    private static partial Regex Rule();

    [GeneratedRegex(@"#(?<table>t\d+) td:nth-child\((?<column>\d+)\)")]
    private static partial Regex ColumnSelector();

    [GeneratedRegex(@"<table id=""(?<id>t\d+)""[^>]*>.*?</table>", RegexOptions.Singleline)]
    private static partial Regex Table();

    [GeneratedRegex(@"<tr[^>]*>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex(@"<td[^>]*>")]
    private static partial Regex Cell();
}
