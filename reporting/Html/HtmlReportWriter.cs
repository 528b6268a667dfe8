using System.Text;
using PetitionGraph.Reporting.Charts;
using PetitionGraph.Reporting.Formatting;
using PetitionGraph.Reporting.Layout;

namespace PetitionGraph.Reporting.Html;

/// <summary>
/// One self-contained HTML page: styles inline, charts as base64 PNG (rendered with the shipped font, so they
/// read the same on any machine; SVG would draw its text with whatever fonts the reader has).
/// </summary>
internal static class HtmlReportWriter
{
    public const string PersonalDataNotice = "本报告含信访人个人信息，仅限授权人员阅读，不得复制、转发或对外提供。";
    public const string MaskedNotice = "本报告中信访人姓名等个人信息已做脱敏处理。";

    /// <summary>Above every printed page of a report that shows personal data.</summary>
    public const string EveryPageWarning = "含信访人个人信息 · 仅限授权人员阅读";

    public static byte[] Write(ReportContext context, ReportLayout layout)
    {
        var clock = new OfficeClock(context.TimeZone);
        var tables = PageTables(layout);
        var html = new Utf8Builder();
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(context.Title)).Append(" · ").Append(Encode(context.PeriodLabel)).Append("</title>\n")
            .Append("<style>\n").Append(HtmlStyles.Css);
        if (context.HasPersonalData)
        {
            html.Append('\n').Append(HtmlStyles.PersonalDataPages);
        }

        if (layout.HasWideTable)
        {
            html.Append('\n').Append(HtmlStyles.Landscape);
        }

        html.Append('\n').Append(HtmlStyles.ColumnRules(tables));

        html.Append("\n</style>\n</head>\n<body>\n");
        WriteHeader(html, context, clock);
        foreach (var section in layout.Sections)
        {
            html.Append("<section>\n<h2>").Append(Encode(section.Heading)).Append("</h2>\n");
            foreach (var part in section.Parts)
            {
                WritePart(html, part, tables);
            }

            html.Append("</section>\n");
        }

        html.Append("<footer>由 PetitionGraph 生成 · ").Append(Encode(context.Office)).Append(" · ")
            .Append(Encode(Display.DateTime(clock.Local(context.GeneratedAt)))).Append("</footer>\n</body>\n</html>\n");
        return html.ToArray();
    }

    private static void WriteHeader(Utf8Builder html, ReportContext context, OfficeClock clock)
    {
        html.Append("<header>\n<h1>").Append(Encode(context.Title)).Append("</h1>\n<dl class=\"meta\">\n");
        (string Term, string Value)[] meta =
        [
            ("统计期间", context.PeriodLabel),
            ("填报单位", context.Office),
            ("生成时间", $"{Display.DateTime(clock.Local(context.GeneratedAt))}（{clock.Label(context.GeneratedAt)}）"),
            ("阅读角色", context.ReaderRole),
        ];
        foreach (var (term, value) in meta)
        {
            html.Append("<dt>").Append(Encode(term)).Append("</dt><dd>").Append(Encode(value)).Append("</dd>\n");
        }

        html.Append("</dl>\n");
        if (context.PersonalDataNote is { } note)
        {
            html.Append($"<p class=\"notice{(context.HasPersonalData ? " personal" : "")}\" role=\"note\">{Encode(note)}</p>\n");
        }
        html.Append("</header>\n");
    }

    /// <summary>The page's tables, each with its cells formatted and its id for the column rules in the head.</summary>
    private static Queue<HtmlTable> PageTables(ReportLayout layout) =>
        new(layout.Sections.SelectMany(s => s.Parts).OfType<TablePart>().Select((part, i) => new HtmlTable(part.Table, $"t{i + 1}")));

    private static void WritePart(Utf8Builder html, SectionPart part, Queue<HtmlTable> tables)
    {
        switch (part)
        {
            case NotePart { Text: ReportLayouts.NoData }:
                html.Append("<p class=\"empty\">").Append(ReportLayouts.NoData).Append("</p>\n");
                break;
            case NotePart note:
                html.Append("<p class=\"note\">").Append(Encode(note.Text)).Append("</p>\n");
                break;
            case ChartPart chart:
                WriteChart(html, chart.Chart);
                break;
            case TablePart table:
                WriteTable(html, tables.Dequeue());
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(part), part, "Unknown section part.");
        }
    }

    private static void WriteChart(Utf8Builder html, ChartImage chart)
    {
        html.Append("<figure><img src=\"data:image/png;base64,").Append(Convert.ToBase64String(chart.Png))
            .Append("\" alt=\"").Append(Encode(chart.Title)).Append("\" width=\"").Append(chart.Width)
            .Append("\" height=\"").Append(chart.Height).Append("\"><figcaption>图：").Append(Encode(chart.Title))
            .Append('（').Append(Encode(chart.Name)).Append(".png / .svg）</figcaption></figure>\n");
    }

    private static void WriteTable(Utf8Builder html, HtmlTable page)
    {
        var table = page.Table;
        var columns = table.Columns.Count;
        // The caption's first line is the title, which the section heading already says; the rest (unit, date) is shown.
        foreach (var line in table.Caption.Skip(1))
        {
            html.Append("<p class=\"form-line\">").Append(Encode(line)).Append("</p>\n");
        }

        html.Append("<table id=\"").Append(page.Id).Append(table.IsWide ? "\" class=\"wide\">\n<thead>" : "\">\n<thead>");
        WriteHeader(html, table);
        html.Append("</thead>\n<tbody>\n");
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var cssClass = table.Rows[r].CssClass;
            html.Append(cssClass is null ? "<tr>" : $"<tr class=\"{cssClass}\">");
            for (var i = 0; i < columns; i++)
            {
                var (text, style) = page.Cells[r * columns + i];
                // A column whose cells all read alike is styled once, by its rule in the head: a long list's page
                // then does not repeat the same class on millions of cells.
                html.Append(page.ColumnClass[i] is null ? OpeningTag(style) : "<td>").Append(Encode(text)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    /// <summary>A cell's opening tag by how it reads: numbers right, dates on one line, checks centred.</summary>
    private static string OpeningTag(CellStyle style) => OpeningTags[(int)style];

    private static readonly string[] OpeningTags =
        Enum.GetValues<CellStyle>().Select(s => HtmlTable.ClassOf(s) is { } name ? $"<td class=\"{name}\">" : "<td>").ToArray();

    /// <summary>One header row, or two when columns are grouped: a group's cell spans its columns, the others span both rows.</summary>
    private static void WriteHeader(Utf8Builder html, ReportTable table)
    {
        if (!table.HasGroups)
        {
            html.Append("<tr>");
            foreach (var column in table.Columns)
            {
                html.Append("<th scope=\"col\">").Append(Encode(column.Header)).Append("</th>");
            }

            html.Append("</tr>");
            return;
        }

        html.Append("<tr>");
        for (var i = 0; i < table.Columns.Count; i++)
        {
            var column = table.Columns[i];
            if (column.Group is null)
            {
                html.Append("<th scope=\"col\" rowspan=\"2\">").Append(Encode(column.Header)).Append("</th>");
                continue;
            }

            var span = table.Columns.Skip(i).TakeWhile(c => c.Group == column.Group).Count();
            html.Append("<th scope=\"colgroup\" colspan=\"").Append(span).Append("\">").Append(Encode(column.Group)).Append("</th>");
            i += span - 1;
        }

        html.Append("</tr>\n<tr>");
        foreach (var column in table.Columns.Where(c => c.Group is not null))
        {
            html.Append("<th scope=\"col\">").Append(Encode(column.Header)).Append("</th>");
        }

        html.Append("</tr>");
    }

    /// <summary>Escapes the five HTML-significant characters; Chinese text stays as UTF-8.</summary>
    public static string Encode(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        var encoded = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            encoded.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return encoded.ToString();
    }
}
