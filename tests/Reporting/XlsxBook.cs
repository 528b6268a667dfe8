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
            FrozenHeader[sheet.Name.Value!] = part.Worksheet!.Descendants<Pane>().Any(p => p.State?.Value == PaneStateValues.Frozen && p.VerticalSplit?.Value == 1);
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
    }

    public List<string> Sheets { get; } = [];

    public Dictionary<string, bool> FrozenHeader { get; } = [];

    public XlsxCell? Cell(string sheet, string reference) => cells[sheet].GetValueOrDefault(reference);

    /// <summary>The texts of row 1, left to right.</summary>
    public List<string> Headers(string sheet)
    {
        var headers = new List<string>();
        for (var c = 'A'; cells[sheet].TryGetValue($"{c}1", out var cell); c++)
        {
            headers.Add(cell.Text!);
        }

        return headers;
    }

    /// <summary>The cells of one column below the header, top to bottom.</summary>
    public List<XlsxCell> Column(string sheet, char column)
    {
        var values = new List<XlsxCell>();
        for (var r = 2; cells[sheet].TryGetValue($"{column}{r}", out var cell); r++)
        {
            values.Add(cell);
        }

        return values;
    }
}

internal sealed record XlsxCell(string? Text, double? Number, string Format);
