using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using PetitionGraph.Reporting;
using PetitionGraph.Reporting.Charts;
using SkiaSharp;

namespace PetitionGraph.Tests.Reporting;

public sealed class ReportRendererTests
{
    private const string PersonalDataNotice = "本报告含信访人个人信息";

    public static TheoryData<ReportKind, bool> KindsAndNameVisibility()
    {
        var data = new TheoryData<ReportKind, bool>();
        foreach (var kind in Enum.GetValues<ReportKind>())
        {
            data.Add(kind, false);
            data.Add(kind, true);
        }

        return data;
    }

    public static TheoryData<ReportKind> Kinds() => [.. Enum.GetValues<ReportKind>()];

    private static readonly Dictionary<ReportKind, string[]> ExpectedCharts = new()
    {
        [ReportKind.MonthlyOverview] = ["stock-trend", "increment-resolved", "rates", "rate-trend", "by-category"],
        [ReportKind.ByCategory] = ["by-category"],
        [ReportKind.ByVillage] = ["by-village"],
        [ReportKind.LeaderOwnership] = [],
        [ReportKind.DueList] = [],
        [ReportKind.KeyCases] = [],
        [ReportKind.CampaignProgress] = ["rates", "stock-trend"],
    };

    private static readonly Dictionary<ReportKind, string[]> ExpectedSheets = new()
    {
        [ReportKind.MonthlyOverview] = ["说明", "本期概况", "本期汇总", "趋势", "分领域"],
        [ReportKind.ByCategory] = ["说明", "分领域"],
        [ReportKind.ByVillage] = ["说明", "分村（社区）"],
        [ReportKind.LeaderOwnership] = ["说明", "领导包案台账", "包案领导汇总"],
        [ReportKind.DueList] = ["说明", "到期提醒"],
        [ReportKind.KeyCases] = ["说明", "五类统计", "重点案件"],
        [ReportKind.CampaignProgress] = ["说明", "攻坚阶段", "攻坚目标"],
    };

    [Theory]
    [MemberData(nameof(KindsAndNameVisibility))]
    public void Every_report_kind_renders_html_xlsx_and_its_charts(ReportKind kind, bool showsNames)
    {
        var document = ReportRenderer.Render(SampleData.Full(kind, showsNames));

        var names = document.Artifacts.Select(a => a.FileName).ToList();
        Assert.Equal(kind, document.Kind);
        Assert.Equal(["report.html", "report.xlsx", .. ExpectedCharts[kind].SelectMany(c => new[] { $"{c}.png", $"{c}.svg" }), "report.pdf"], names);
        Assert.Equal("%PDF-"u8.ToArray(), document.Artifacts[^1].Content[..5]);
        var html = Html(document);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("@page { size: A4;", html, StringComparison.Ordinal);
        Assert.Contains($"<h1>{SampleData.Titles[kind]}</h1>", html, StringComparison.Ordinal);
        Assert.Contains("2021年5月", html, StringComparison.Ordinal);
        Assert.Contains("2021-06-01 08:30（Asia/Shanghai，UTC+08:00）", html, StringComparison.Ordinal);
        // Only a report that lists petitioners says anything about personal data.
        var lists = kind == ReportKind.LeaderOwnership;
        Assert.Equal(showsNames && lists, html.Contains(PersonalDataNotice, StringComparison.Ordinal));
        Assert.Equal(!showsNames && lists, html.Contains("已做脱敏处理", StringComparison.Ordinal));
        Assert.Equal(showsNames && lists, html.Contains("仅限授权人员阅读\"", StringComparison.Ordinal)); // the warning on every printed page
        Assert.DoesNotContain("无数据", html, StringComparison.Ordinal);
        Assert.Equal(ExpectedCharts[kind].Length, CountOf(html, "<img src=\"data:image/png;base64,"));

        var book = new XlsxBook(Artifact(document, "report.xlsx").Content);
        Assert.Equal(ExpectedSheets[kind], book.Sheets);
        Assert.All(book.Sheets, sheet => Assert.True(book.FrozenHeader[sheet], $"{sheet}: header row not frozen"));
        Assert.Equal(showsNames && lists, book.Column("说明", 'B').Any(c => c.Text?.Contains(PersonalDataNotice, StringComparison.Ordinal) == true));
        Assert.Equal(lists, book.Column("说明", 'A').Any(c => c.Text == "个人信息"));
        foreach (var chart in ExpectedCharts[kind])
        {
            using var bitmap = SKBitmap.Decode(Artifact(document, $"{chart}.png").Content);
            Assert.NotNull(bitmap);
            Assert.Contains("<svg", Encoding.UTF8.GetString(Artifact(document, $"{chart}.svg").Content), StringComparison.Ordinal);
        }

        var suffix = showsNames ? "-names" : "";
        SampleOutput.Write($"{kind}{suffix}.html", Artifact(document, "report.html").Content);
        SampleOutput.Write($"{kind}{suffix}.xlsx", Artifact(document, "report.xlsx").Content);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Empty_data_renders_a_no_data_note(ReportKind kind)
    {
        var data = new ReportData(kind, SampleData.Context(kind));

        var document = ReportRenderer.Render(data);

        var html = Html(document);
        Assert.Contains("无数据", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Equal(["report.html", "report.xlsx", "report.pdf"], document.Artifacts.Select(a => a.FileName));
        var book = new XlsxBook(Artifact(document, "report.xlsx").Content);
        Assert.Equal("说明", book.Sheets[0]);
        SampleOutput.Write($"{kind}-empty.html", Artifact(document, "report.html").Content);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Workbook_is_valid_open_xml(ReportKind kind)
    {
        var document = ReportRenderer.Render(SampleData.Full(kind, showsNames: true));

        using var stream = new MemoryStream(Artifact(document, "report.xlsx").Content);
        using var workbook = SpreadsheetDocument.Open(stream, false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(workbook)
            .Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
    }

    [Fact]
    public void A_long_lists_cells_are_styled_by_their_columns_not_each_by_a_class_of_its_own()
    {
        var rows = Enumerable.Range(0, 2000).Select(i => new KeyCaseRow(1 + i % 5, $"2026-{i:D5}", $"关于第{i}号事项的反映", "东湖村", "土地征收", i % 4, "办理中", i % 900)).ToList();
        var data = new ReportData(ReportKind.KeyCases, SampleData.Full(ReportKind.KeyCases).Context) { KeyCases = rows };

        var raw = Encoding.UTF8.GetString(Artifact(ReportRenderer.Render(data, withPdf: false), "report.html").Content);

        // Every column of the class-one list reads alike: its 400 rows carry no class, the rules in the head style them
        // (case number, village, area and state on one line; the counts right-aligned).
        var list = raw[raw.IndexOf("<table id=\"t2\"", StringComparison.Ordinal)..];
        list = list[..list.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Equal(401, CountOf(list, "<tr>") + CountOf(list, "<tr class=\"total\">") - 1); // 400 rows and 合计, less the header row
        Assert.DoesNotContain("<td class=", list, StringComparison.Ordinal);
        Assert.Contains("<tr><td>2026-00000</td><td>关于第0号事项的反映</td><td>东湖村</td><td>土地征收</td><td>0</td><td>办理中</td><td>0</td></tr>", list, StringComparison.Ordinal);
        Assert.Contains("td.nw, #t1 td:nth-child(1), #t2 td:nth-child(1), #t2 td:nth-child(3), #t2 td:nth-child(4), #t2 td:nth-child(6),", raw, StringComparison.Ordinal);
        Assert.Contains(", #t2 td:nth-child(5), #t2 td:nth-child(7),", raw, StringComparison.Ordinal);
        Assert.Matches(@"\ntd\.num, [^{]*#t2 td:nth-child\(5\)[^{]* \{ text-align: right;", raw);

        // A column whose cells differ keeps a class on each (the overview's rate column: a rate, or "—" for none).
        var overview = ReportRenderer.Render(SampleData.Full(ReportKind.MonthlyOverview) with { Period = SampleData.Period() with { EvaluationRate = new Rate(0, 0) } }, withPdf: false);
        var page = Encoding.UTF8.GetString(Artifact(overview, "report.html").Content);
        Assert.Contains("<td class=\"rate\">95.0% (19/20)</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Monthly_overview_shows_rates_with_their_parts_and_targets()
    {
        var period = SampleData.Period() with { EvaluationRate = new Rate(0, 0) };
        var data = SampleData.Full(ReportKind.MonthlyOverview) with { Period = period };

        var document = ReportRenderer.Render(data);

        var html = Html(document);
        Assert.Contains("<td>及时受理率</td><td class=\"rate\">95.0% (19/20)</td><td class=\"num\">100.0%</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>参评率</td><td class=\"rate\">—</td><td class=\"num\">90.0%</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>积案存量（期末）</td><td class=\"num\">70</td><td class=\"num\">72</td>", html, StringComparison.Ordinal);

        var book = new XlsxBook(Artifact(document, "report.xlsx").Content);
        var headers = book.Headers("本期汇总");
        Assert.Equal(["统计期", "存量", "新增案件", "新增积案", "化解积案", "信访总量", "赴省进京"], headers.Take(7));
        var acceptance = headers.IndexOf("及时受理率");
        Assert.Equal(["及时受理率（分子）", "及时受理率（分母）"], headers.Skip(acceptance + 1).Take(2));
        var row = book.Headers("本期汇总").Select((_, i) => book.Cell("本期汇总", $"{(char)('A' + i)}2")).ToList();
        Assert.Equal("2021年5月", row[0]!.Text);
        Assert.Equal(70, row[1]!.Number);
        Assert.Equal(0.95, row[acceptance]!.Number);
        Assert.Equal("0.0%", row[acceptance]!.Format);
        Assert.Equal(19, row[acceptance + 1]!.Number);
        Assert.Equal(20, row[acceptance + 2]!.Number);
        var evaluation = headers.IndexOf("参评率");
        Assert.Null(row[evaluation]);
        Assert.Equal(0, row[evaluation + 2]!.Number);
        Assert.Equal(13, book.Column("趋势", 'A').Count);
        Assert.Equal("2020-06", book.Cell("趋势", "A2")!.Text);
        Assert.Equal(120, book.Cell("趋势", "B2")!.Number);
        // 合计 over buckets: the counts added, the stock the last bucket's (a count at an instant does not add up).
        Assert.Equal("合计（存量为期末数）", book.Cell("趋势", "A14")!.Text);
        Assert.Equal(book.Cell("趋势", "B13")!.Number, book.Cell("趋势", "B14")!.Number);
        Assert.Equal(book.Column("趋势", 'C').SkipLast(1).Sum(c => c.Number), book.Cell("趋势", "C14")!.Number);
    }

    [Fact]
    public void Leader_ownership_is_the_ledger_as_offices_keep_it_with_a_summary_per_leader()
    {
        var masked = ReportRenderer.Render(SampleData.Full(ReportKind.LeaderOwnership, showsNames: false));
        var shown = ReportRenderer.Render(SampleData.Full(ReportKind.LeaderOwnership, showsNames: true));

        const string sheet = "领导包案台账";
        var book = new XlsxBook(Artifact(masked, "report.xlsx").Content);
        Assert.Equal(["说明", sheet, "包案领导汇总"], book.Sheets);
        // Title, unit and date; 包案领导 merged over 镇 and 村, every other header merged down over both header rows.
        Assert.Equal("领导包案情况汇总表（2021年5月）", book.Cell(sheet, "A1")!.Text);
        Assert.StartsWith("填报单位：示例镇信访办", book.Cell(sheet, "A2")!.Text, StringComparison.Ordinal);
        Assert.Equal(["序号", "姓名", "户籍地", "诉求", "包案领导", "", "化解措施", "进展", "时限", "备注", "案件编号"], book.Headers(sheet, 3));
        Assert.Equal(["", "", "", "", "镇", "村", "", "", "", "", ""], book.Headers(sheet, 4));
        Assert.Contains("A1:K1", book.Merges[sheet]);
        Assert.Contains("E3:F3", book.Merges[sheet]);
        Assert.Contains("A3:A4", book.Merges[sheet]);
        Assert.Contains("K3:K4", book.Merges[sheet]);
        Assert.Equal("B5", book.FrozenAt[sheet]);
        Assert.Equal("A4:K16", book.AutoFilter[sheet]);
        Assert.Contains("'领导包案台账'!$3:$4", book.PrintTitles);
        Assert.True(book.Landscape[sheet]);
        Assert.Equal(Enumerable.Range(1, 12).Select(i => (double?)i), book.Column(sheet, 'A', 5).SkipLast(1).Select(c => c.Number));
        Assert.Equal(["合计", "12 件"], [book.Cell(sheet, "A17")!.Text!, book.Cell(sheet, "B17")!.Text!]);
        Assert.All(book.Column(sheet, 'B', 5).SkipLast(1), c => Assert.Contains("*", c.Text, StringComparison.Ordinal));
        Assert.All(book.Column(sheet, 'C', 5).SkipLast(1), c => Assert.DoesNotContain("号", c.Text, StringComparison.Ordinal));
        Assert.Equal("yyyy-mm-dd", book.Cell(sheet, "I5")!.Format);
        // Row 7 has no leader: flagged in 备注 (and shaded on the page).
        Assert.Equal("无包案领导，须落实包案", book.Cell(sheet, "J11")!.Text);
        Assert.Equal("期末已逾期", book.Cell(sheet, "J5")!.Text);

        // Each leader: cases, resolved in the period, overdue at its end; 合计 counts each case once.
        const string summary = "包案领导汇总";
        Assert.Equal(["包案领导", "职务", "层级", "包案件数", "已化解", "逾期"], book.Headers(summary, 3));
        var leaders = SampleData.Ownership(false).Where(r => !r.NoLeader).GroupBy(r => r.TownLeaders).ToList();
        var first = leaders.OrderByDescending(g => g.Count()).ThenBy(g => g.Key[..g.Key.IndexOf('（')], StringComparer.Ordinal).First();
        Assert.Equal(first.Key[..first.Key.IndexOf('（')], book.Cell(summary, "A4")!.Text);
        Assert.Equal("镇", book.Cell(summary, "C4")!.Text);
        Assert.Equal([first.Count(), first.Count(r => r.Resolved), first.Count(r => r.Overdue)],
            [(int)book.Cell(summary, "D4")!.Number!, (int)book.Cell(summary, "E4")!.Number!, (int)book.Cell(summary, "F4")!.Number!]);
        var total = book.Column(summary, 'A', 4).Count + 3;
        Assert.Equal("合计（件，不重复计）", book.Cell(summary, $"A{total}")!.Text);
        Assert.Equal(12, book.Cell(summary, $"D{total}")!.Number);
        Assert.Equal("（无包案领导）", book.Cell(summary, $"A{total - 1}")!.Text);

        var html = Html(masked);
        Assert.Contains("<th scope=\"col\" rowspan=\"2\">序号</th>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"colgroup\" colspan=\"2\">包案领导</th>", html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"no-leader\">", html, StringComparison.Ordinal);
        Assert.Contains("本期在积案中的事项共 12 件，其中本期化解 3 件。其中无包案领导 1 件", html, StringComparison.Ordinal);
        Assert.Contains("填报单位：示例镇信访办", html, StringComparison.Ordinal);
        var named = new XlsxBook(Artifact(shown, "report.xlsx").Content);
        Assert.DoesNotContain("*", named.Column(sheet, 'B', 5).First().Text, StringComparison.Ordinal);
        Assert.Contains("号", named.Column(sheet, 'C', 5).First().Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Due_list_is_sorted_by_days_left_with_due_times_as_office_local_dates()
    {
        var document = ReportRenderer.Render(SampleData.Full(ReportKind.DueList));

        var book = new XlsxBook(Artifact(document, "report.xlsx").Content);
        Assert.Equal(["案件编号", "事项", "村（社区）", "领域", "环节", "办理期限", "剩余天数", "状态", "包案领导"], book.Headers("到期提醒"));
        var daysLeft = book.Column("到期提醒", 'G').SkipLast(1).Select(c => c.Number!.Value).ToList();
        Assert.Equal("合计", book.Column("到期提醒", 'A').Last().Text);
        Assert.Equal([-12, -3, -1, 0, 1, 2, 5, 6], daysLeft);
        var due = book.Cell("到期提醒", "F2")!;
        Assert.Equal(new DateTime(2021, 5, 21, 0, 0, 0), DateTime.FromOADate(due.Number!.Value));
        Assert.Equal("yyyy-mm-dd hh:mm", due.Format);
        Assert.Equal("逾期 12 天", book.Cell("到期提醒", "H2")!.Text);
        var html = Html(document);
        Assert.Contains("逾期 3 件，即将到期 5 件", html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"overdue\">", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("逾期 12 天", StringComparison.Ordinal) < html.IndexOf("剩余 6 天", StringComparison.Ordinal));
    }

    [Fact]
    public void Key_cases_are_grouped_by_class_with_counts()
    {
        var document = ReportRenderer.Render(SampleData.Full(ReportKind.KeyCases));

        var html = Html(document);
        Assert.Contains("一类（进京登记 10 次及以上）：1 件", html, StringComparison.Ordinal);
        Assert.Contains("三类（进京登记 1–4 次）：3 件", html, StringComparison.Ordinal);
        var book = new XlsxBook(Artifact(document, "report.xlsx").Content);
        Assert.Equal([1, 2, 3, 1, 1, 8], book.Column("五类统计", 'C').Select(c => c.Number!.Value));
        Assert.Equal("类别", book.Headers("重点案件")[0]);
        Assert.Equal(["一类", "二类", "二类", "三类", "三类", "三类", "四类", "五类", "合计"], book.Column("重点案件", 'A').Select(c => c.Text!));
    }

    /// <summary>环比, 同比 and 本年累计 in the overview: counts change by a percentage, rates by percentage points.</summary>
    [Fact]
    public void The_overview_compares_its_period_with_the_one_before_a_year_earlier_and_the_year_to_date()
    {
        var trend = SampleData.Trend();
        var sample = SampleData.Full(ReportKind.MonthlyOverview);
        var period = sample.Period!;
        var ytd = period with { Increment = 123, Stock = 999 };
        var data = sample with { Comparison = new FigureComparison(trend[^2], trend[0], ytd) };
        var document = ReportRenderer.Render(data);
        var html = Html(document);
        Assert.Contains("<th scope=\"col\">环比</th>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">本年累计</th>", html, StringComparison.Ordinal);
        Assert.NotEqual(0, trend[^2].Increment);
        var expected = ((period.Increment - trend[^2].Increment) * 100.0 / trend[^2].Increment).ToString("+0.0;-0.0;0.0", System.Globalization.CultureInfo.InvariantCulture) + "%";
        var row = html[html.IndexOf("新增案件（增量）</td>", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains($">{period.Increment}</td><td class=\"num\">{trend[^2].Increment}</td><td class=\"num\">{expected}</td>", row, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">123</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<td class=\"num\">999</td>", html, StringComparison.Ordinal); // the stock has no year-to-date sum
        Assert.Contains("个百分点", html, StringComparison.Ordinal); // a rate changes by percentage points

        // In the workbook 环比 and 同比 are numbers an analyst can sort and chart, formatted to read as on the page.
        var book = new XlsxBook(Artifact(document, "report.xlsx").Content);
        int RowOf(string label) => Enumerable.Range(1, 100).Single(r => book.Cell("本期概况", $"A{r}")?.Text == label);
        var increment = book.Cell("本期概况", $"D{RowOf("新增案件（增量）")}")!;
        Assert.Null(increment.Text);
        Assert.Equal((period.Increment - trend[^2].Increment) / (double)trend[^2].Increment, increment.Number!.Value, 12);
        Assert.Equal("+0.0%;-0.0%;0.0%", increment.Format);
        var rate = RatesChart.Rates[0];
        var points = book.Cell("本期概况", $"F{RowOf(rate.Name)}")!;
        Assert.Equal((rate.Select(period).Value!.Value - rate.Select(trend[0]).Value!.Value) * 100, points.Number!.Value, 9);
        Assert.Equal("+0.0\"个百分点\";-0.0\"个百分点\";0.0\"个百分点\"", points.Format);
    }

    /// <summary>The workbook as an office prints and filters it.</summary>
    [Fact]
    public void Workbook_tables_freeze_header_and_first_column_filter_their_data_and_print_on_a4_with_titles()
    {
        var data = SampleData.Full(ReportKind.ByCategory);
        using var stream = new MemoryStream(Artifact(ReportRenderer.Render(data), "report.xlsx").Content);
        using var xlsx = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);
        var workbook = xlsx.WorkbookPart!;
        var sheet = workbook.Workbook!.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(s => s.Name == "分领域");
        var worksheet = ((DocumentFormat.OpenXml.Packaging.WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet!;

        var pane = worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Pane>().Single();
        Assert.Equal((1.0, 1.0, "B2"), (pane.HorizontalSplit!.Value, pane.VerticalSplit!.Value, pane.TopLeftCell!.Value));
        // The filter covers the header and the data, not the 合计 row under them.
        var filter = worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.AutoFilter>().Single().Reference!.Value!;
        Assert.StartsWith("A1:", filter, StringComparison.Ordinal);
        Assert.EndsWith((data.ByCategory.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), filter, StringComparison.Ordinal);
        var setup = worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.PageSetup>().Single();
        Assert.Equal((9u, 1u, 0u), (setup.PaperSize!.Value, setup.FitToWidth!.Value, setup.FitToHeight!.Value));
        Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.OrientationValues.Landscape, setup.Orientation!.Value);
        Assert.Contains(workbook.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.DefinedName>(),
            d => d.Name == "_xlnm.Print_Titles" && d.Text == "'分领域'!$1:$1");
        Assert.Equal($"{SampleData.Titles[ReportKind.ByCategory]} 2021年5月", xlsx.PackageProperties.Title);
        // Data cells are boxed.
        var styles = workbook.WorkbookStylesPart!.Stylesheet!;
        var cell = worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().First(c => c.CellReference == "B2");
        var border = styles.Borders!.Elements<DocumentFormat.OpenXml.Spreadsheet.Border>()
            .ElementAt((int)styles.CellFormats!.Elements<DocumentFormat.OpenXml.Spreadsheet.CellFormat>().ElementAt((int)cell.StyleIndex!.Value).BorderId!.Value);
        Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.BorderStyleValues.Thin, border.LeftBorder!.Style!.Value);
        // And the whole workbook is valid Office Open XML (the order of a worksheet's parts is fixed by the format).
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(xlsx).Select(e => $"{e.Path?.XPath}: {e.Description}"));
    }

    /// <summary>合计 under a table of groups: counts added up, each rate from its added parts, never an average of percentages.</summary>
    [Fact]
    public void A_group_table_ends_with_a_total_whose_rates_come_from_the_added_parts()
    {
        var data = SampleData.Full(ReportKind.ByCategory);
        var document = ReportRenderer.Render(data);
        Assert.Contains("<tr class=\"total\">", Html(document), StringComparison.Ordinal);
        var book = new XlsxBook(Artifact(document, "report.xlsx").Content);
        var rows = data.ByCategory;
        Assert.True(rows.Count > 1);
        var total = rows.Count + 2;
        string At(int column) => $"{(char)('A' + column)}{total}";
        Assert.Equal("合计", book.Cell("分领域", At(0))!.Text);
        Assert.Equal(rows.Sum(r => r.Stock), book.Cell("分领域", At(1))!.Number);
        Assert.Equal(rows.Sum(r => r.Petitions), book.Cell("分领域", At(book.Headers("分领域").IndexOf("信访总量")))!.Number);
        var rate = book.Headers("分领域").IndexOf("重复信访率");
        var numerator = rows.Sum(r => r.RepeatPetitionRate.Numerator);
        var denominator = rows.Sum(r => r.RepeatPetitionRate.Denominator);
        Assert.Equal(numerator, book.Cell("分领域", At(rate + 1))!.Number);
        Assert.Equal(denominator, book.Cell("分领域", At(rate + 2))!.Number);
        Assert.Equal((double)numerator / denominator, book.Cell("分领域", At(rate))!.Number!.Value, 9);
    }

    [Fact]
    public void Campaign_progress_shows_phases_and_targets_met_or_not()
    {
        var document = ReportRenderer.Render(SampleData.Full(ReportKind.CampaignProgress));

        var html = Html(document);
        Assert.Contains("攻坚行动：积案化解攻坚行动", html, StringComparison.Ordinal);
        Assert.Contains("基线日期：2021-01-01；当前阶段：攻坚。", html, StringComparison.Ordinal);
        // Dates as an office writes them: both ends included.
        Assert.Contains("<tr class=\"current\"><td class=\"nw\">攻坚</td><td>2021-05-01 至 2021-09-30</td>", html, StringComparison.Ordinal);
        // Each target says whether its values are taken at an instant or summed since the baseline.
        Assert.Contains("<td>累计值：2021-01-01 以来（基线为此前同等时长）</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"nw\">积案存量</td><td class=\"nw\">较基线下降 40%</td><td>时点值（基线为2021-01-01时点）</td><td class=\"num\">120</td><td class=\"num\">70</td><td class=\"num\">72</td><td class=\"check\">✓</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">90.0%</td><td class=\"num\">95.0%</td><td class=\"num\">100.0%</td><td class=\"check\">✗</td>", html, StringComparison.Ordinal);
        Assert.Contains("共 4 项目标，已达成 1 项。", html, StringComparison.Ordinal);
        var book = new XlsxBook(Artifact(document, "report.xlsx").Content);
        Assert.Equal(["指标", "要求", "统计口径", "基线", "当前", "目标", "是否达成"], book.Headers("攻坚目标"));
        Assert.Equal(["✓", "✗", "✗", "✗"], book.Column("攻坚目标", 'G').Select(c => c.Text!));
        Assert.Equal(0.95, book.Cell("攻坚目标", "E5")!.Number);
        Assert.Equal("0.0%", book.Cell("攻坚目标", "E5")!.Format);
        Assert.Equal("2021-05-01 至 2021-09-30", book.Cell("攻坚阶段", "B4")!.Text);
    }

    [Fact]
    public void Html_escapes_text_from_the_data()
    {
        var data = SampleData.Full(ReportKind.ByCategory) with
        {
            Context = SampleData.Context(ReportKind.ByCategory) with { Office = "<示例镇> & \"信访办\"" },
        };

        var html = Html(ReportRenderer.Render(data));

        Assert.Contains("&lt;示例镇&gt; &amp; &quot;信访办&quot;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<示例镇>", html, StringComparison.Ordinal);
    }

    private static Artifact Artifact(ReportDocument document, string fileName) =>
        document.Artifacts.Single(a => a.FileName == fileName);

    /// <summary>The page as a browser styles its cells (<see cref="HtmlCells.Inline"/>).</summary>
    private static string Html(ReportDocument document) => HtmlCells.Inline(Encoding.UTF8.GetString(Artifact(document, "report.html").Content));

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
