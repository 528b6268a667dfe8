using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PetitionGraph.Reporting.Formatting;
using PetitionGraph.Reporting.Layout;

namespace PetitionGraph.Reporting.Xlsx;

/// <summary>
/// One sheet per table after a 说明 sheet: header row frozen, numbers as numbers, dates as dates, and each rate
/// as three numeric columns (rate as a percentage, numerator, denominator).
/// </summary>
internal static class XlsxReportWriter
{
    public static byte[] Write(ReportContext context, IReadOnlyList<ReportTable> tables)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = XlsxStyles.Create();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            uint sheetId = 1;
            foreach (var sheet in (IEnumerable<XlsxSheet>)[XlsxSheet.About(context), .. tables.Select(XlsxSheet.Expand)])
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                part.Worksheet = Worksheet(sheet, selected: sheetId == 1);
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = sheetId++, Name = UniqueName(sheet.Name, names) });
            }

            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Worksheet Worksheet(XlsxSheet sheet, bool selected)
    {
        var view = new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        { WorkbookViewId = 0, TabSelected = selected };

        var data = new SheetData();
        var header = new Row { RowIndex = 1 };
        for (var c = 0; c < sheet.Columns.Count; c++)
        {
            header.Append(TextCell(Reference(c, 1), sheet.Columns[c].Header, XlsxStyles.Header));
        }

        data.Append(header);
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            var rowIndex = (uint)(r + 2);
            var row = new Row { RowIndex = rowIndex };
            for (var c = 0; c < sheet.Rows[r].Length && c < Math.Max(1, sheet.Columns.Count); c++)
            {
                if (ValueCell(Reference(c, rowIndex), sheet.Rows[r][c], c < sheet.Columns.Count ? sheet.Columns[c].Style : XlsxStyles.Default) is { } cell)
                {
                    row.Append(cell);
                }
            }

            data.Append(row);
        }

        return new Worksheet(new SheetViews(view), new Columns(Widths(sheet)), data);
    }

    private static IEnumerable<Column> Widths(XlsxSheet sheet) => sheet.Columns.Select((column, c) =>
    {
        var widest = sheet.Rows.Select(r => c < r.Length ? DisplayWidth(r[c]) : 0).DefaultIfEmpty(0).Max();
        var width = Math.Clamp(Math.Max(DisplayWidth(column.Header), widest) + 2, 8, 60);
        return new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = width, CustomWidth = true };
    });

    /// <summary>Width in Excel character units: CJK and full-width characters count twice.</summary>
    private static int DisplayWidth(object? value)
    {
        var text = value switch
        {
            null => "",
            DateTime time => time.TimeOfDay == TimeSpan.Zero ? "yyyy-mm-dd" : "yyyy-mm-dd hh:mm",
            PercentValue p => Display.Percent(p.Fraction),
            Rate rate => Display.Rate(rate),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return text.Sum(ch => ch >= 0x2E80 ? 2 : 1);
    }

    private static Cell? ValueCell(string reference, object? value, uint columnStyle) => value switch
    {
        null => null,
        string text => TextCell(reference, text, columnStyle == XlsxStyles.Wrapped ? XlsxStyles.Wrapped : XlsxStyles.Default),
        int number => NumberCell(reference, number, XlsxStyles.Integer),
        double number => NumberCell(reference, number, columnStyle == XlsxStyles.Percent ? XlsxStyles.Percent : XlsxStyles.Number),
        PercentValue percent => NumberCell(reference, percent.Fraction, XlsxStyles.Percent),
        Rate rate => rate.Value is { } v ? NumberCell(reference, v, XlsxStyles.Percent) : null,
        DateTime time => NumberCell(reference, time.ToOADate(), time.TimeOfDay == TimeSpan.Zero && columnStyle != XlsxStyles.DateTime ? XlsxStyles.Date : XlsxStyles.DateTime),
        _ => TextCell(reference, value.ToString() ?? "", XlsxStyles.Default),
    };

    private static Cell TextCell(string reference, string text, uint style) => new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
    {
        CellReference = reference,
        DataType = CellValues.InlineString,
        StyleIndex = style,
    };

    private static Cell NumberCell(string reference, double value, uint style) => new(new CellValue(value))
    {
        CellReference = reference,
        StyleIndex = style,
    };

    private static string Reference(int column, uint row)
    {
        var name = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
        {
            name = (char)('A' + (c - 1) % 26) + name;
        }

        return name + row.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Sheet names: at most 31 characters, none of []:*?/\, unique ignoring case.</summary>
    private static string UniqueName(string name, HashSet<string> taken)
    {
        var clean = new string([.. name.Select(c => "[]:*?/\\".Contains(c, StringComparison.Ordinal) ? '_' : c)]);
        clean = clean.Length > 31 ? clean[..31] : clean;
        var unique = clean;
        for (var i = 2; !taken.Add(unique); i++)
        {
            var suffix = $"({i})";
            unique = (clean.Length + suffix.Length > 31 ? clean[..(31 - suffix.Length)] : clean) + suffix;
        }

        return unique;
    }
}
