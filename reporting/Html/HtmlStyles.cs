namespace PetitionGraph.Reporting.Html;

/// <summary>Print-first CSS: A4 pages, Chinese fonts the reader's system has, tables that repeat their header.</summary>
internal static class HtmlStyles
{
    public const string Css = """
        @page { size: A4; margin: 16mm 14mm 18mm 14mm; @bottom-center { content: counter(page) " / " counter(pages); font-size: 8pt; color: #666; } }
        :root { color-scheme: light; }
        html { font-family: "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", SimHei, sans-serif; font-size: 10.5pt; color: #1f2328; line-height: 1.5; }
        body { margin: 0 auto; max-width: 182mm; padding: 8mm 0; }
        header { border-bottom: 2pt solid #2f6db5; margin-bottom: 6mm; padding-bottom: 3mm; }
        h1 { font-size: 20pt; margin: 0 0 2mm; letter-spacing: 0.05em; }
        h2 { font-size: 13pt; margin: 7mm 0 2mm; padding-left: 2mm; border-left: 3pt solid #2f6db5; break-after: avoid; page-break-after: avoid; }
        .meta { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: 0.5mm 4mm; font-size: 9.5pt; }
        .meta dt { color: #555; }
        .meta dd { margin: 0; }
        .notice { margin: 4mm 0 0; padding: 2mm 3mm; border: 1pt solid #888; background: #f6f8fa; font-size: 10pt; }
        .notice.personal { border: 1.5pt solid #b42318; background: #fef3f2; color: #b42318; font-weight: bold; }
        .note { margin: 1mm 0 2mm; color: #444; }
        .empty { color: #777; font-style: italic; }
        table { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: 2mm 0 4mm; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        th, td { border: 0.5pt solid #9aa4b1; padding: 0.8mm 1.4mm; vertical-align: top; }
        th { background: #e9eef5; font-weight: bold; text-align: center; }
        table.wide { font-size: 7.5pt; }
        table.wide th { white-space: nowrap; }
        table.wide td:first-child { white-space: nowrap; }
        tr.overdue td { color: #b42318; }
        tr.due-today td { color: #b54708; }
        tr.no-leader td { background: #fef0c7; }
        p.form-line { margin: 1mm 0 0; font-size: 9pt; color: #333; }
        tr.met td.check { color: #067647; }
        tr.unmet td.check { color: #b42318; }
        tr.current td { background: #eef4ff; font-weight: bold; }
        tr.total td { font-weight: bold; border-top: 1.2pt solid #1f2328; background: #f6f8fa; }
        figure { margin: 2mm 0 4mm; break-inside: avoid; page-break-inside: avoid; }
        figure img { display: block; width: 100%; height: auto; }
        figcaption { font-size: 8.5pt; color: #666; text-align: center; }
        footer { margin-top: 8mm; font-size: 8pt; color: #777; border-top: 0.5pt solid #ccc; padding-top: 2mm; }
        @media screen { body { padding: 12mm; } }
        """;

    /// <summary>How each cell class reads: numbers right, dates and short texts on one line, checks centred.</summary>
    private static readonly (string Name, string Declarations)[] CellClasses =
    [
        ("nw", "white-space: nowrap;"),
        ("num", "text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap;"),
        ("rate", "text-align: right; font-variant-numeric: tabular-nums;"),
        ("date", "white-space: nowrap;"),
        ("check", "text-align: center; font-weight: bold;"),
    ];

    /// <summary>
    /// The cell classes, each for the cells that carry it (td.num) and for the table columns whose every cell reads
    /// that way (#t2 td:nth-child(3)): those cells carry no class of their own.
    /// </summary>
    public static string ColumnRules(IEnumerable<HtmlTable> tables)
    {
        var columns = tables.SelectMany(t => t.ColumnClass.Select((name, i) => (name, Selector: $"#{t.Id} td:nth-child({i + 1})"))).ToList();
        return string.Join('\n', CellClasses.Select(c =>
            string.Join(", ", columns.Where(x => x.name == c.Name).Select(x => x.Selector).Prepend($"td.{c.Name}")) + " { " + c.Declarations + " }"));
    }

    /// <summary>A report with a wide table prints on landscape A4 (297 mm less the margins).</summary>
    public const string Landscape = """
        @page { size: A4 landscape; }
        body { max-width: 269mm; }
        """;

    /// <summary>Printed pages of a report with personal data carry the warning at the top of every page.</summary>
    public const string PersonalDataPages = $$"""
        @page { @top-center { content: "{{HtmlReportWriter.EveryPageWarning}}"; font-size: 8pt; color: #b42318; } }
        """;
}
