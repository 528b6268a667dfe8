using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PetitionGraph.Api.Language;

namespace PetitionGraph.Api.Ledgers;

/// <summary>
/// A sheet as text cells by spreadsheet row number (1-based, as the office sees them in Excel), from CSV or the first
/// worksheet of an XLSX. Merged cells carry their value into every cell they cover; text is NFKC-normalised, so
/// full-width letters, digits and spaces read like half-width ones.
/// </summary>
public sealed class LedgerGrid
{
    public required IReadOnlyList<(int Row, string[] Cells)> Rows { get; init; }

    public static LedgerGrid Read(string path) => ReadSheets(path)[0];

    /// <summary>Every worksheet in workbook order (a CSV is one): a report's workbook has its 说明 sheet before the ledger.</summary>
    public static IReadOnlyList<LedgerGrid> ReadSheets(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".csv" => [FromCsv(File.ReadAllText(path, Encoding.UTF8))],
            ".xlsx" => FromXlsx(path),
            _ => throw new LedgerFormatException(new Msg(
                $"{Path.GetFileName(path)}：仅支持读取 .xlsx 和 .csv 格式的台账。", $"{Path.GetFileName(path)}: only .xlsx and .csv ledgers can be read.")),
        };
    }

    public static string Clean(string? text) =>
        (text ?? "").Normalize(NormalizationForm.FormKC).Replace('\u00A0', ' ').Trim();

    public static LedgerGrid FromCsv(string text)
    {
        var rows = new List<(int, string[])>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        var row = 1;
        var start = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    row += ch == '\n' ? 1 : 0;
                    cell.Append(ch);
                }
                continue;
            }
            switch (ch)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    cells.Add(Clean(cell.ToString()));
                    cell.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    cells.Add(Clean(cell.ToString()));
                    cell.Clear();
                    rows.Add((start, cells.ToArray()));
                    cells.Clear();
                    start = ++row;
                    break;
                case '\uFEFF' when i == 0:
                    break;
                default:
                    cell.Append(ch);
                    break;
            }
        }
        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(Clean(cell.ToString()));
            rows.Add((start, cells.ToArray()));
        }
        return new LedgerGrid { Rows = rows };
    }

    private static readonly Msg NoSheets = new("该工作簿没有工作表。", "The workbook has no sheets.");

    private static List<LedgerGrid> FromXlsx(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var workbook = document.WorkbookPart ?? throw new LedgerFormatException(NoSheets);
        var sheets = workbook.Workbook.Sheets?.Elements<Sheet>().ToList() is { Count: > 0 } list ? list : throw new LedgerFormatException(NoSheets);
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
        return [.. sheets.Select(sheet => FromWorksheet((WorksheetPart)workbook.GetPartById(sheet.Id!), shared))];
    }

    private static LedgerGrid FromWorksheet(WorksheetPart part, string[] shared)
    {
        var cells = new Dictionary<(int Row, int Column), string>();
        foreach (var cell in part.Worksheet.Descendants<Cell>())
        {
            var (column, row) = Reference(cell.CellReference!.Value!);
            cells[(row, column)] = Clean(Value(cell, shared));
        }
        foreach (var merge in part.Worksheet.Descendants<MergeCell>())
        {
            var range = merge.Reference!.Value!.Split(':');
            var (c1, r1) = Reference(range[0]);
            var (c2, r2) = Reference(range[1]);
            var value = cells.GetValueOrDefault((r1, c1)) ?? "";
            for (var r = r1; r <= r2; r++)
            {
                for (var c = c1; c <= c2; c++)
                {
                    cells[(r, c)] = value;
                }
            }
        }
        var width = cells.Count == 0 ? 0 : cells.Keys.Max(k => k.Column) + 1;
        var rows = cells.Keys.Select(k => k.Row).Distinct().Order()
            .Select(r => (r, Enumerable.Range(0, width).Select(c => cells.GetValueOrDefault((r, c)) ?? "").ToArray())).ToList();
        return new LedgerGrid { Rows = rows };
    }

    private static string Value(Cell cell, string[] shared)
    {
        var raw = cell.CellValue?.Text ?? cell.InlineString?.InnerText ?? "";
        if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(raw, CultureInfo.InvariantCulture, out var index) && index < shared.Length)
        {
            return shared[index];
        }
        return raw;
    }

    /// <summary>"C12" → (2, 12): zero-based column, 1-based row.</summary>
    private static (int Column, int Row) Reference(string reference)
    {
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsLetter(reference[i]); i++)
        {
            column = (column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        }
        return (column - 1, int.Parse(reference[i..], CultureInfo.InvariantCulture));
    }
}

/// <summary>A file that is not a ledger at all (wrong format, no header found); <see cref="Text"/> says why in both languages.</summary>
public sealed class LedgerFormatException(Msg text) : Exception(text.En)
{
    public Msg Text { get; } = text;
}
