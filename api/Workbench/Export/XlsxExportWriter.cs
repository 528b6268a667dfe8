using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace PetitionGraph.Api.Workbench.Export;

/// <summary>
/// A workbook written straight into the response as its rows come (a zip written forwards, one sheet open at a time),
/// so 100,000 rows take no more memory than one page: sheet 数据 with the header frozen and filtered, numbers as
/// numbers, dates as dates; sheet 说明 with what was exported, when, and whether the row limit cut it short.
/// </summary>
internal sealed class XlsxExportWriter(Stream body) : IExportWriter
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const uint Header = 1, Date = 2, DateTime = 3, Integer = 4, Number = 5;

    private readonly ZipArchive _zip = new(body, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
    private Stream? _sheetStream;
    private XmlWriter? _sheet;
    private int _columns;
    private int _row;

    public string ContentType => PetitionGraph.Reporting.ReportRenderer.XlsxType;

    public string Extension => "xlsx";

    public Task BeginAsync(IReadOnlyList<string> columns, IReadOnlyList<ExportCell[]> firstPage, CancellationToken ct)
    {
        _columns = columns.Count;
        _sheetStream = _zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
        _sheet = XmlWriter.Create(_sheetStream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        _sheet.WriteStartDocument(standalone: true);
        _sheet.WriteStartElement("worksheet", Main);
        _sheet.WriteStartElement("sheetViews");
        _sheet.WriteStartElement("sheetView");
        _sheet.WriteAttributeString("tabSelected", "1");
        _sheet.WriteAttributeString("workbookViewId", "0");
        _sheet.WriteStartElement("pane");
        _sheet.WriteAttributeString("xSplit", "1");
        _sheet.WriteAttributeString("ySplit", "1");
        _sheet.WriteAttributeString("topLeftCell", "B2");
        _sheet.WriteAttributeString("activePane", "bottomRight");
        _sheet.WriteAttributeString("state", "frozen");
        _sheet.WriteEndElement();
        _sheet.WriteEndElement();
        _sheet.WriteEndElement();
        _sheet.WriteStartElement("cols");
        for (var c = 0; c < columns.Count; c++)
        {
            var widest = firstPage.Select(r => Width(ExportTable.Text(r[c]))).DefaultIfEmpty(0).Max();
            _sheet.WriteStartElement("col");
            _sheet.WriteAttributeString("min", Invariant(c + 1));
            _sheet.WriteAttributeString("max", Invariant(c + 1));
            _sheet.WriteAttributeString("width", Invariant(Math.Clamp(Math.Max(Width(columns[c]), widest) + 2, 8, 60)));
            _sheet.WriteAttributeString("customWidth", "1");
            _sheet.WriteEndElement();
        }
        _sheet.WriteEndElement();
        _sheet.WriteStartElement("sheetData");
        WriteRow(columns.Select(c => new ExportCell(c)).ToArray(), Header);
        return Task.CompletedTask;
    }

    public Task WriteAsync(IReadOnlyList<ExportCell[]> rows, CancellationToken ct)
    {
        foreach (var row in rows)
        {
            WriteRow(row, null);
        }
        _sheet!.Flush();
        return Task.CompletedTask;
    }

    public Task FinishAsync(ExportSummary summary, CancellationToken ct)
    {
        var sheet = _sheet!;
        sheet.WriteEndElement(); // sheetData
        if (_columns > 0)
        {
            sheet.WriteStartElement("autoFilter");
            sheet.WriteAttributeString("ref", $"A1:{Column(_columns - 1)}{Invariant(Math.Max(_row, 2))}");
            sheet.WriteEndElement();
        }
        sheet.WriteEndElement();
        sheet.WriteEndDocument();
        sheet.Dispose();
        _sheetStream!.Dispose();
        WriteAbout(summary);
        Entry("xl/workbook.xml", $"""
            <workbook xmlns="{Main}" xmlns:r="{Relationships}"><sheets><sheet name="数据" sheetId="1" r:id="rId1"/><sheet name="说明" sheetId="2" r:id="rId2"/></sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'数据'!$A$1:${Column(Math.Max(_columns, 1) - 1)}${Invariant(Math.Max(_row, 2))}</definedName></definedNames></workbook>
            """);
        Entry("xl/_rels/workbook.xml.rels", $"""
            <Relationships xmlns="{PackageRelationships}"><Relationship Id="rId1" Type="{Relationships}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{Relationships}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="{Relationships}/styles" Target="styles.xml"/></Relationships>
            """);
        Entry("xl/styles.xml", $"""
            <styleSheet xmlns="{Main}"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm"/></numFmts><fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFE9EEF5"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>
            """);
        Entry("docProps/core.xml", $"""
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{Escape(summary.Operation)}</dc:title><dc:creator>PetitionGraph</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">{summary.ExportedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}</dcterms:created></cp:coreProperties>
            """);
        Entry("_rels/.rels", $"""
            <Relationships xmlns="{PackageRelationships}"><Relationship Id="rId1" Type="{Relationships}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>
            """);
        Entry("[Content_Types].xml", """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>
            """);
        _zip.Dispose();
        return Task.CompletedTask;
    }

    private void WriteAbout(ExportSummary summary)
    {
        (string, string)[] lines =
        [
            ("查询", summary.Operation),
            ("导出时间", summary.ExportedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)),
            ("行数", Invariant(summary.Rows)),
            ("是否完整", summary.Truncated ? $"否：已达导出上限 {summary.MaxRows:N0} 行，其余未导出（缩小查询范围后再导出）" : "是：全部结果"),
            ("个人信息", summary.PersonalDataNote ?? "无"),
        ];
        var rows = string.Concat(lines.Select((l, i) =>
            $"<row r=\"{i + 1}\"><c r=\"A{i + 1}\" t=\"inlineStr\" s=\"{Header}\"><is><t>{Escape(l.Item1)}</t></is></c><c r=\"B{i + 1}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{Escape(l.Item2)}</t></is></c></row>"));
        Entry("xl/worksheets/sheet2.xml", $"""<worksheet xmlns="{Main}"><cols><col min="1" max="1" width="12" customWidth="1"/><col min="2" max="2" width="90" customWidth="1"/></cols><sheetData>{rows}</sheetData></worksheet>""");
    }

    private void WriteRow(ExportCell[] cells, uint? style)
    {
        var sheet = _sheet!;
        _row++;
        var number = Invariant(_row);
        sheet.WriteStartElement("row");
        sheet.WriteAttributeString("r", number);
        for (var c = 0; c < cells.Length; c++)
        {
            var cell = cells[c];
            if (cell.Value is null)
            {
                continue;
            }
            sheet.WriteStartElement("c");
            sheet.WriteAttributeString("r", Column(c) + number);
            switch (cell.Value)
            {
                case System.DateTime time:
                    sheet.WriteAttributeString("s", Invariant(cell.DateOnly ? Date : DateTime));
                    sheet.WriteElementString("v", time.ToOADate().ToString("R", CultureInfo.InvariantCulture));
                    break;
                case bool yes:
                    sheet.WriteAttributeString("t", "b");
                    sheet.WriteElementString("v", yes ? "1" : "0");
                    break;
                case long whole:
                    sheet.WriteAttributeString("s", Invariant(Integer));
                    sheet.WriteElementString("v", Invariant(whole));
                    break;
                case double number2:
                    sheet.WriteAttributeString("s", Invariant(Number));
                    sheet.WriteElementString("v", number2.ToString("R", CultureInfo.InvariantCulture));
                    break;
                default:
                    if (style is { } s)
                    {
                        sheet.WriteAttributeString("s", Invariant(s));
                    }
                    sheet.WriteAttributeString("t", "inlineStr");
                    sheet.WriteStartElement("is");
                    sheet.WriteStartElement("t");
                    sheet.WriteAttributeString("xml", "space", null, "preserve");
                    sheet.WriteString(Clean(cell.Value.ToString() ?? ""));
                    sheet.WriteEndElement();
                    sheet.WriteEndElement();
                    break;
            }
            sheet.WriteEndElement();
        }
        sheet.WriteEndElement();
    }

    private void Entry(string name, string xml)
    {
        using var stream = _zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        var bytes = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + xml.Trim());
        stream.Write(bytes);
    }

    /// <summary>XML 1.0 cannot carry control characters (other than tab and line ends) or a lone surrogate: they are dropped.</summary>
    private static string Clean(string text)
    {
        if (!text.Any(c => (c < 0x20 && c is not ('\t' or '\n' or '\r')) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF'))
        {
            return text;
        }
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (!((c < 0x20 && c is not ('\t' or '\n' or '\r')) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF'))
            {
                clean.Append(c);
            }
        }
        return clean.ToString();
    }

    private static string Escape(string text) => System.Security.SecurityElement.Escape(Clean(text));

    private static int Width(string text) => text.Sum(ch => ch >= 0x2E80 ? 2 : 1);

    private static string Invariant(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Column(int column)
    {
        var name = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
        {
            name = (char)('A' + (c - 1) % 26) + name;
        }
        return name;
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            _sheet?.Dispose();
            _sheetStream?.Dispose();
            _zip.Dispose();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // An export stopped half-way: the response is aborted, there is nothing left to finish.
        }
        return ValueTask.CompletedTask;
    }
}
