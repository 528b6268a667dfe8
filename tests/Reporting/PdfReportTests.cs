using System.Text.RegularExpressions;
using PetitionGraph.Reporting;
using PetitionGraph.Reporting.Charts;
using PetitionGraph.Reporting.Pdf;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Reporting;

/// <summary>
/// report.pdf as a reader's tools see it (poppler): a long list runs onto many pages with its header on every one, no
/// row lost, split or repeated, the page numbers and — only where names are shown — the personal-data warning on
/// every page; names outside GB2312 print; lines wrap within their column.
/// </summary>
public sealed class PdfReportTests
{
    private const string EveryPageWarning = "含信访人个人信息 · 仅限授权人员阅读";

    private static ReportData LongLedger(int rows, bool showsNames)
    {
        var sample = SampleData.Ownership(showsNames);
        var ownership = Enumerable.Range(0, rows)
            .Select(i => sample[i % sample.Count] with { Number = i + 1, CaseNumber = $"2021-{i + 1:000000}" })
            .ToList();
        // A name outside GB2312 (喆, 堃: common in names, not in the old subset of the font) — synthetic, as every name here.
        ownership[0] = ownership[0] with { Petitioners = showsNames ? "李喆、周堃" : "李*、周*" };
        return SampleData.Full(ReportKind.LeaderOwnership, showsNames) with { Ownership = ownership };
    }

    private static async Task<(IReadOnlyList<string> Pages, string Info)> ReadAsync(ReportDocument document)
    {
        var file = TestRunFolder.NewPath("ledger", ".pdf");
        await File.WriteAllBytesAsync(file, document.Artifacts.Single(a => a.FileName == "report.pdf").Content);
        try
        {
            return (await Poppler.PagesAsync(file), await Poppler.RunAsync("pdfinfo", file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_long_ledger_runs_onto_landscape_pages_each_with_its_header_number_and_warning_and_every_row_once()
    {
        const int rows = 400;
        var (pages, info) = await ReadAsync(ReportRenderer.Render(LongLedger(rows, showsNames: true)));

        Assert.True(pages.Count >= 8, $"{pages.Count} pages");
        Assert.Matches($@"Pages:\s+{pages.Count}\n", info);
        Assert.Matches(@"Page size:\s+841\.89 x 595\.27\d pts \(A4\)", info); // landscape: the ledger is wide
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains($"{i + 1} / {pages.Count}", pages[i], StringComparison.Ordinal);
            Assert.Contains(EveryPageWarning, pages[i], StringComparison.Ordinal);
            if (Regex.IsMatch(pages[i], @"2021-\d{6}"))
            {
                // The ledger's two-row header, on every page the ledger runs onto.
                Assert.Contains("包案领导", pages[i], StringComparison.Ordinal);
                Assert.Contains("户籍地", pages[i], StringComparison.Ordinal);
            }
        }
        var numbers = pages.SelectMany(p => Regex.Matches(p, @"2021-\d{6}").Select(m => m.Value)).ToList();
        Assert.Equal(rows, numbers.Count);
        Assert.Equal(Enumerable.Range(1, rows).Select(i => $"2021-{i:000000}"), numbers);
        Assert.Contains("李喆、周堃", pages[0], StringComparison.Ordinal);
        Assert.Contains("合计", string.Concat(pages), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_masked_report_carries_no_personal_data_warning_on_its_pages()
    {
        var (pages, _) = await ReadAsync(ReportRenderer.Render(LongLedger(60, showsNames: false)));

        Assert.All(pages, page => Assert.DoesNotContain(EveryPageWarning, page, StringComparison.Ordinal));
        Assert.Contains("已做脱敏处理", pages[0], StringComparison.Ordinal);
        Assert.DoesNotContain("李喆", string.Concat(pages), StringComparison.Ordinal);
    }

    [Fact]
    public void Names_outside_gb2312_have_glyphs_in_the_shipped_font()
    {
        Assert.Empty(ChartFonts.MissingGlyphs("李喆周堃王玥赵珺"));
    }

    [Fact]
    public void Without_pdf_the_renderer_draws_none()
    {
        var document = ReportRenderer.Render(SampleData.Full(ReportKind.ByCategory), withPdf: false);
        Assert.DoesNotContain(document.Artifacts, a => a.FileName == "report.pdf");
        Assert.Equal(TimeSpan.Zero, document.PdfTime);
    }

    /// <summary>Property: wrapping keeps every character in order (spaces at a break may go) and no line is wider than asked, but a lone character.</summary>
    [Fact]
    public void Wrapped_lines_keep_the_text_and_fit_their_width()
    {
        PdfFonts.Register();
        var random = new Random(20261207);
        const string alphabet = "信访事项办理村镇东河塘、，；（）abcdefghijklmnopqrstuvwxyz0123456789-/   ";
        for (var run = 0; run < 2_000; run++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 80)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var width = 8 + random.NextDouble() * 160;
            var size = random.Next(2) == 0 ? 7.5 : 8.5;
            var bold = random.Next(2) == 0;

            var lines = PdfCanvas.Wrap(text, width, size, bold);

            Assert.Equal(text.Replace(" ", "", StringComparison.Ordinal), string.Concat(lines).Replace(" ", "", StringComparison.Ordinal));
            Assert.All(lines, line => Assert.True(line.Length <= 1 || PdfFonts.Width(line, size, bold) <= width + 0.01,
                $"\"{line}\" is {PdfFonts.Width(line, size, bold):F1} wide, more than {width:F1} (text \"{text}\")"));
        }
    }
}
