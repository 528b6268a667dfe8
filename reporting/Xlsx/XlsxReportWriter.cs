using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PetitionGraph.Reporting.Formatting;
using PetitionGraph.Reporting.Layout;

namespace PetitionGraph.Reporting.Xlsx;

/// <summary>
/// One sheet per table after a 说明 sheet: header row and first column frozen, an autofilter over the data (not the
/// 合计 row), every cell boxed, numbers as numbers, dates as dates, each rate as three numeric columns (rate as a
/// percentage, numerator, denominator); printed A4 fitted to the page width (landscape when wide) with the header row
/// repeated on every page; the workbook's title, author and date in its document properties.
/// </summary>
internal static class XlsxReportWriter
{
    public static byte[] Write(ReportContext context, IReadOnlyList<ReportTable> tables, bool about = true)
    {
        // The package is made by the SDK with every sheet's part left empty; the sheets are written when it is zipped
        // again (Rezip): the SDK's package keeps each part uncompressed in memory until it is closed — 170 MB of XML for
        // a 250,000-row list, most of its time in fresh memory — and then deflates it.
        var sheetParts = new Dictionary<string, (XlsxSheet Sheet, bool Selected, bool Table)>(StringComparer.Ordinal);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            document.CompressionOption = System.IO.Packaging.CompressionOption.Fast;
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = XlsxStyles.Create();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            var definedNames = new DefinedNames();
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            uint sheetId = 1;
            var first = about ? 2u : 1u;
            foreach (var sheet in (IEnumerable<XlsxSheet>)[.. about ? [XlsxSheet.About(context)] : Array.Empty<XlsxSheet>(), .. tables.Select(XlsxSheet.Expand)])
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var name = UniqueName(sheet.Name, names);
                var table = sheetId >= first;
                sheetParts[part.Uri.OriginalString.TrimStart('/')] = (sheet, sheetId == 1, table);
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = sheetId, Name = name });
                var quoted = "'" + name.Replace("'", "''", StringComparison.Ordinal) + "'";
                if (table)
                {
                    // Every printed page repeats the header rows (both of a grouped header).
                    var rows = $"${sheet.CaptionRows + 1}:${sheet.LastHeaderRow}";
                    definedNames.Append(new DefinedName($"{quoted}!{rows}") { Name = "_xlnm.Print_Titles", LocalSheetId = sheetId - 1 });
                    if (FilterRange(sheet) is { } range)
                    {
                        definedNames.Append(new DefinedName($"{quoted}!{range.Replace(":", ":$", StringComparison.Ordinal).Insert(0, "$")}")
                        { Name = "_xlnm._FilterDatabase", LocalSheetId = sheetId - 1, Hidden = true });
                    }
                }

                sheetId++;
            }

            workbook.Workbook.Append(definedNames);
            workbook.Workbook.Save();
            document.PackageProperties.Title = $"{context.Title} {context.PeriodLabel}";
            document.PackageProperties.Subject = context.Title;
            document.PackageProperties.Creator = context.Office;
            document.PackageProperties.Keywords = "信访; PetitionGraph";
            document.PackageProperties.Created = context.GeneratedAt;
        }

        stream.Position = 0;
        return Rezip(stream, sheetParts);
    }

    /// <summary>The package's entries in their order, each sheet's XML written straight into its deflated entry.</summary>
    private static byte[] Rezip(Stream package, Dictionary<string, (XlsxSheet Sheet, bool Selected, bool Table)> sheetParts)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(package, ZipArchiveMode.Read))
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                var copy = zip.CreateEntry(entry.FullName, CompressionLevel.Fastest);
                copy.LastWriteTime = entry.LastWriteTime;
                using var to = copy.Open();
                if (sheetParts.Remove(entry.FullName, out var sheet))
                {
                    WriteWorksheet(to, sheet.Sheet, sheet.Selected, sheet.Table);
                    continue;
                }
                using var from = entry.Open();
                from.CopyTo(to);
            }
        }
        return sheetParts.Count == 0 ? output.ToArray()
            : throw new InvalidOperationException($"No zip entry for the sheet parts {string.Join(", ", sheetParts.Keys)}.");
    }

    /// <summary>
    /// Streams the sheet into its part as XML: the small parts around the data are the SDK's elements, the rows are
    /// written cell by cell as they are read (a 34,000-row 台账 took 1.8 s through the DOM; a 250,000-row key-case list
    /// 8 s through the SDK's writer, one object per cell).
    /// </summary>
    private static void WriteWorksheet(Stream stream, XlsxSheet sheet, bool selected, bool table)
    {
        // A table keeps its header rows and its first column (the case, group or bucket) in view; 说明 only its header.
        var below = (uint)(sheet.LastHeaderRow + 1);
        var first = "B" + below.ToString(CultureInfo.InvariantCulture);
        var view = table
            ? new SheetView(
                new Pane { HorizontalSplit = 1, VerticalSplit = sheet.LastHeaderRow, TopLeftCell = first, ActivePane = PaneValues.BottomRight, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomRight, ActiveCell = first, SequenceOfReferences = new ListValue<StringValue> { InnerText = first } })
            { WorkbookViewId = 0, TabSelected = selected }
            : new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
            { WorkbookViewId = 0, TabSelected = selected };

        var merges = new List<string>();
        var lastColumn = Math.Max(0, sheet.Columns.Count - 1);
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        // The order of a worksheet's parts is fixed by the format: properties, views, columns, data, filter, merges, printing.
        xml.WriteStartElement(Prefix, "worksheet", Main);
        new SheetProperties(new PageSetupProperties { FitToPage = true }).WriteTo(xml);
        new SheetViews(view).WriteTo(xml);
        new Columns(Widths(sheet)).WriteTo(xml);
        xml.WriteStartElement(Prefix, "sheetData", Main);
        for (var i = 0; i < sheet.Caption.Count; i++)
        {
            // The title row and the unit/date row of an official form, each across the table's width.
            var rowIndex = (uint)(i + 1);
            new Row(TextCell(Reference(0, rowIndex), sheet.Caption[i], i == 0 ? XlsxStyles.Title : XlsxStyles.FormLine))
            { RowIndex = rowIndex, Height = i == 0 ? 28 : 18, CustomHeight = true }.WriteTo(xml);
            if (lastColumn > 0)
            {
                merges.Add($"{Reference(0, rowIndex)}:{Reference(lastColumn, rowIndex)}");
            }
        }

        foreach (var headerRow in HeaderRows(sheet, merges))
        {
            headerRow.WriteTo(xml);
        }

        var columnNames = Enumerable.Range(0, Math.Max(1, sheet.Columns.Count)).Select(c => ColumnName(c)).ToArray();
        XlsxRows.Write(xml, stream, sheet, (int)below, columnNames);

        xml.WriteEndElement();
        if (table && FilterRange(sheet) is { } range)
        {
            new AutoFilter { Reference = range }.WriteTo(xml);
        }

        if (merges.Count > 0)
        {
            new MergeCells(merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)merges.Count }.WriteTo(xml);
        }

        new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 }.WriteTo(xml);
        new PageSetup
        {
            PaperSize = 9, // A4
            Orientation = sheet.Columns.Count > ReportTable.WideColumns ? OrientationValues.Landscape : OrientationValues.Portrait,
            FitToWidth = 1,
            FitToHeight = 0,
        }.WriteTo(xml);
        xml.WriteEndElement();
    }

    /// <summary>
    /// The header: one row, or two when columns are grouped — a group's name merged over its columns, every other
    /// header merged down over both rows, as the office's 包案领导 › 镇 / 村.
    /// </summary>
    private static Row[] HeaderRows(XlsxSheet sheet, List<string> merges)
    {
        var top = (uint)(sheet.CaptionRows + 1);
        var header = new Row { RowIndex = top };
        if (sheet.HeaderRows == 1)
        {
            for (var c = 0; c < sheet.Columns.Count; c++)
            {
                header.Append(TextCell(Reference(c, top), sheet.Columns[c].Header, XlsxStyles.Header));
            }

            return [header];
        }

        var second = new Row { RowIndex = top + 1 };
        for (var c = 0; c < sheet.Columns.Count; c++)
        {
            var column = sheet.Columns[c];
            if (column.Group is null)
            {
                header.Append(TextCell(Reference(c, top), column.Header, XlsxStyles.Header));
                second.Append(TextCell(Reference(c, top + 1), "", XlsxStyles.Header));
                merges.Add($"{Reference(c, top)}:{Reference(c, top + 1)}");
                continue;
            }

            var groupStart = c == 0 || sheet.Columns[c - 1].Group != column.Group;
            header.Append(TextCell(Reference(c, top), groupStart ? column.Group : "", XlsxStyles.Header));
            second.Append(TextCell(Reference(c, top + 1), column.Header, XlsxStyles.Header));
            if (groupStart)
            {
                var end = c;
                while (end + 1 < sheet.Columns.Count && sheet.Columns[end + 1].Group == column.Group)
                {
                    end++;
                }

                if (end > c)
                {
                    merges.Add($"{Reference(c, top)}:{Reference(end, top)}");
                }
            }
        }

        return [header, second];
    }

    /// <summary>Header and data rows, not the 合计 row under them (filtering must not hide or sort the total).</summary>
    private static string? FilterRange(XlsxSheet sheet)
    {
        var last = sheet.Rows.Count;
        if (last > 0 && sheet.Rows[^1].Length > 0 && sheet.Rows[^1][0] is string first && first.StartsWith("合计", StringComparison.Ordinal))
        {
            last--;
        }

        // The filter buttons sit on the last header row (under 包案领导: 镇 and 村).
        var header = (uint)sheet.LastHeaderRow;
        return last == 0 || sheet.Columns.Count == 0 ? null : $"A{header}:{Reference(sheet.Columns.Count - 1, (uint)(last + header))}";
    }

    private static IEnumerable<Column> Widths(XlsxSheet sheet)
    {
        // Row by row, each row's cells once (a long list: two million cells).
        var widest = new int[sheet.Columns.Count];
        foreach (var row in sheet.Rows)
        {
            for (var c = 0; c < row.Length && c < widest.Length; c++)
            {
                widest[c] = Math.Max(widest[c], DisplayWidth(row[c]));
            }
        }
        return sheet.Columns.Select((column, c) =>
        {
            var width = Math.Clamp(Math.Max(DisplayWidth(column.Header), widest[c]) + 2, 8, 60);
            return new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = width, CustomWidth = true };
        });
    }

    /// <summary>Width in Excel character units: CJK and full-width characters count twice.</summary>
    private static int DisplayWidth(object? value)
    {
        if (value is int number)
        {
            // Its digits and sign, counted without writing it out (a long list has a million numbers).
            var width = number < 0 ? 2 : 1;
            for (var rest = number / 10; rest != 0; rest /= 10)
            {
                width++;
            }
            return width;
        }
        var text = value switch
        {
            null => "",
            string plain => plain,
            DateTime time => time.TimeOfDay == TimeSpan.Zero ? "yyyy-mm-dd" : "yyyy-mm-dd hh:mm",
            PercentValue p => Display.Percent(p.Fraction),
            ChangeValue change => Display.Change(change),
            Rate rate => Display.Rate(rate),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return CellText.Width(text);
    }

    private const string Prefix = "x";
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static Cell TextCell(string reference, string text, uint style) => new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
    {
        CellReference = reference,
        DataType = CellValues.InlineString,
        StyleIndex = style,
    };

    private static string Reference(int column, uint row) => ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    private static string ColumnName(int column)
    {
        var name = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
        {
            name = (char)('A' + (c - 1) % 26) + name;
        }

        return name;
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
