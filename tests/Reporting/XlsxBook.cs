using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;


namespace PetitionGraph.Tests.Reporting;

/// <summary>A workbook read back with the Open XML SDK: sheet names in order, and cells by reference.</summary>
internal sealed class XlsxBook
{
    private readonly Dictionary<string, Dictionary<string, XlsxCell>> cells = [];

    public XlsxBook(byte[] content)
    {
        using var stream = new MemoryStream(content);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var formats = workbook.WorkbookStylesPart!.Stylesheet!.CellFormats!.Elements<CellFormat>().ToList();
        var customFormats = workbook.WorkbookStylesPart.Stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
        foreach (var sheet in workbook.Workbook!.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            Sheets.Add(sheet.Name!.Value!);
            var pane = part.Worksheet!.Descendants<Pane>().FirstOrDefault(p => p.State?.Value == PaneStateValues.Frozen);
            FrozenHeader[sheet.Name.Value!] = pane?.VerticalSplit?.Value >= 1;
            FrozenAt[sheet.Name.Value!] = pane?.TopLeftCell?.Value;
            Merges[sheet.Name.Value!] = [.. part.Worksheet.Descendants<MergeCell>().Select(m => m.Reference!.Value!)];
            Landscape[sheet.Name.Value!] = part.Worksheet.Descendants<PageSetup>().Any(p => p.Orientation?.Value == OrientationValues.Landscape);
            AutoFilter[sheet.Name.Value!] = part.Worksheet.Descendants<AutoFilter>().FirstOrDefault()?.Reference?.Value;
            var sheetCells = new Dictionary<string, XlsxCell>();
            foreach (var cell in part.Worksheet.Descendants<Cell>())
            {
                var numberFormat = cell.StyleIndex is null ? 0u : formats[(int)cell.StyleIndex.Value].NumberFormatId?.Value ?? 0u;
                var format = customFormats.TryGetValue(numberFormat, out var code) ? code : numberFormat.ToString(System.Globalization.CultureInfo.InvariantCulture);
                sheetCells[cell.CellReference!.Value!] = cell.DataType?.Value == CellValues.InlineString
                    ? new XlsxCell(cell.InlineString!.InnerText, null, format)
                    : new XlsxCell(null, double.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture), format);
            }

            cells[sheet.Name.Value!] = sheetCells;
        }

        PrintTitles.AddRange(workbook.Workbook.DefinedNames?.Elements<DefinedName>().Where(d => d.Name?.Value == "_xlnm.Print_Titles").Select(d => d.Text) ?? []);
    }

    public List<string> Sheets { get; } = [];

    public Dictionary<string, bool> FrozenHeader { get; } = [];

    /// <summary>The first cell that scrolls (below the frozen header rows, right of the frozen column).</summary>
    public Dictionary<string, string?> FrozenAt { get; } = [];

    public Dictionary<string, List<string>> Merges { get; } = [];

    public Dictionary<string, bool> Landscape { get; } = [];

    public Dictionary<string, string?> AutoFilter { get; } = [];

    /// <summary>Each sheet's print titles (rows repeated on every page), e.g. "'领导包案台账'!$3:$4", in sheet order.</summary>
    public List<string> PrintTitles { get; } = [];

    public XlsxCell? Cell(string sheet, string reference) => cells[sheet].GetValueOrDefault(reference);

    /// <summary>The texts of row 1 (or another), left to right.</summary>
    public List<string> Headers(string sheet, int row = 1)
    {
        var headers = new List<string>();
        for (var c = 'A'; cells[sheet].TryGetValue($"{c}{row}", out var cell); c++)
        {
            headers.Add(cell.Text!);
        }

        return headers;
    }

    /// <summary>The cells of one column below the header (from row 2, or another), top to bottom.</summary>
    public List<XlsxCell> Column(string sheet, char column, int fromRow = 2)
    {
        var values = new List<XlsxCell>();
        for (var r = fromRow; cells[sheet].TryGetValue($"{column}{r}", out var cell); r++)
        {
            values.Add(cell);
        }

        return values;
    }
}

internal sealed record XlsxCell(string? Text, double? Number, string Format);
