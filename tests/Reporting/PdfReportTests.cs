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

    /// <summary>
    /// Property: a page's content, framed for FlateDecode (stored under 1 KB, deflated above), inflates to what was
    /// written — the PDF's readers see the content only through this.
    /// </summary>
    [Fact]
    public void Page_content_inflates_to_what_was_written_stored_or_deflated()
    {
        var random = new Random(20261207);
        foreach (var length in (int[])[0, 1, 1023, 1024, 1025, 65_535, 200_000, .. Enumerable.Range(0, 200).Select(_ => random.Next(0, 5_000))])
        {
            // Content-like bytes: runs of operators and hex glyph ids, some repetition to deflate.
            var content = new byte[length];
            for (var i = 0; i < length; i++)
            {
                content[i] = (byte)"0123456789ABCDEF <>Tj Tm\n"[random.Next(i % 7 == 0 ? 25 : 16)];
            }

            var framed = PdfDirectContent.Deflate(content);

            using var inflated = new MemoryStream();
            using (var zlib = new System.IO.Compression.ZLibStream(new MemoryStream(framed), System.IO.Compression.CompressionMode.Decompress))
            {
                zlib.CopyTo(inflated);
            }
            Assert.Equal(content, inflated.ToArray());
            Assert.True(length >= 1024 || framed.Length == length + 11, $"{length} bytes stored in {framed.Length}");
        }
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

    /// <summary>
    /// A table cell's text is written into the page directly (PdfDirectContent), not through XGraphics: it must sit
    /// exactly where XGraphics.DrawString puts the same text — same glyphs, baseline, widths, simulated bold — and
    /// extract as it reads (the font embeds only the glyphs drawn: the direct ones are registered at the end).
    /// </summary>
    [Theory]
    [InlineData(false, 8.5)]
    [InlineData(true, 7.5)]
    public async Task Cell_text_written_directly_sits_where_pdfsharp_draws_it(bool bold, double size)
    {
        PdfFonts.Register();
        string[] texts = ["案件编号2026-000123", "东湖村（示范苑5幢）", "Ab12 办理中；", "李喆、周堃"];
        var file = TestRunFolder.NewPath("direct", ".pdf");
        using (var document = new PdfSharp.Pdf.PdfDocument())
        {
            var canvas = new PdfCanvas(document, landscape: false, everyPageNote: null);
            canvas.NewPage();
            canvas.Text("标题", PdfFonts.Font(12), PdfCanvas.Ink, canvas.Left, canvas.Top); // the document's font, as every report's title
            for (var i = 0; i < texts.Length; i++)
            {
                canvas.Text(texts[i], PdfFonts.Font(size, bold), PdfCanvas.Warning, 60, 100 + 40 * i);
                canvas.CellText(texts[i], size, bold, PdfCanvas.Warning, 300, 110.5 + 40 * i);
            }
            canvas.Finish();
            document.Save(file);
        }
        try
        {
            var words = Regex.Matches(await Poppler.RunAsync("pdftotext", "-bbox", file, "-"),
                    @"xMin=""([\d.]+)"" yMin=""([\d.]+)"" xMax=""([\d.]+)"" yMax=""([\d.]+)"">([^<]*)<")
                .Select(m => (X: double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                    Y: double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture),
                    Width: double.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture) - double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                    Text: m.Groups[5].Value))
                .ToList();
            foreach (var text in texts.SelectMany(t => t.Split(' ')))
            {
                var drawn = words.Where(w => w.Text == text && w.X < 250).ToList();
                var direct = words.Where(w => w.Text == text && w.X >= 250).ToList();
                Assert.True(drawn.Count == 1 && direct.Count == 1, $"\"{text}\": {drawn.Count} drawn, {direct.Count} direct in {string.Join(" | ", words.Select(w => w.Text))}");
                Assert.Equal(drawn[0].X + 240, direct[0].X, 0.01);
                Assert.Equal(drawn[0].Y + 10.5, direct[0].Y, 0.01);
                Assert.Equal(drawn[0].Width, direct[0].Width, 0.01);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// Cell text is written as a literal string of glyph ids: the characters whose glyph id holds a byte the string must
    /// escape — its delimiters "(" ")", its escape "\\", a carriage return (read as a line end) — extract as written.
    /// </summary>
    [Fact]
    public async Task Cell_text_whose_glyph_ids_hold_a_strings_delimiters_extracts_as_written()
    {
        PdfFonts.Register();
        byte[] escaped = [(byte)'(', (byte)')', (byte)'\\', (byte)'\r'];
        var characters = Enumerable.Range(0x4E00, 0x9FA5 - 0x4E00 + 1).Select(c => (char)c).ToArray();
        var glyphs = ChartFonts.Typeface.GetGlyphs(new string(characters));
        var chosen = characters.Where((c, i) => glyphs[i] != 0 && (escaped.Contains((byte)(glyphs[i] >> 8)) || escaped.Contains((byte)glyphs[i]))).ToList();
        Assert.True(chosen.Count > 40, $"only {chosen.Count} characters have such a glyph id"); // the font has hundreds: the test tests something
        var texts = chosen.Chunk(10).Select(c => new string(c)).ToList();
        var file = TestRunFolder.NewPath("escaped", ".pdf");
        using (var document = new PdfSharp.Pdf.PdfDocument())
        {
            var canvas = new PdfCanvas(document, landscape: false, everyPageNote: null);
            canvas.NewPage();
            canvas.Text("标题", PdfFonts.Font(12), PdfCanvas.Ink, canvas.Left, canvas.Top); // gives the document its font: cell text is then written directly
            for (var i = 0; i < texts.Count; i++)
            {
                canvas.CellText(texts[i], 8.5, bold: false, PdfCanvas.Ink, 60, 60 + 14 * (i % 50));
                if (i % 50 == 49)
                {
                    canvas.NewPage();
                }
            }
            canvas.Finish();
            document.Save(file);
        }
        try
        {
            var lines = (await Poppler.RunAsync("pdftotext", file, "-")).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(l => l.Trim('\f')).ToHashSet();
            Assert.All(texts, text => Assert.Contains(text, lines));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// A table whose short, one-line columns together are wider than the page: each cell's text stays inside its cell
    /// (it wraps), so on every line of words a word ends well before the next begins — they were drawn across each
    /// other's borders before.
    /// </summary>
    [Fact]
    public async Task Cells_of_a_table_too_wide_for_the_page_keep_their_text_inside()
    {
        var columns = Enumerable.Range(1, 16).Select(i => PetitionGraph.Reporting.Layout.ReportTable.Text($"包案领导{i}")).ToList();
        var rows = Enumerable.Range(0, 6).Select(r => new PetitionGraph.Reporting.Layout.TableRow([.. columns.Select((_, i) => (object?)$"曾双腾、何伟{"新明亮"[(r + i) % 3]}")])).ToList();
        var table = new PetitionGraph.Reporting.Layout.ReportTable("宽表", columns, rows);
        var layout = new PetitionGraph.Reporting.Layout.ReportLayout(
            [new PetitionGraph.Reporting.Layout.ReportSection("宽表", [new PetitionGraph.Reporting.Layout.TablePart(table)])], [table], []);
        var context = SampleData.Full(ReportKind.DueList).Context;
        var file = TestRunFolder.NewPath("wide", ".pdf");
        await File.WriteAllBytesAsync(file, PdfReportWriter.Write(context, layout));
        try
        {
            var words = Regex.Matches(await Poppler.RunAsync("pdftotext", "-bbox", file, "-"),
                    @"xMin=""([\d.]+)"" yMin=""([\d.]+)"" xMax=""([\d.]+)"" yMax=""[\d.]+"">([^<]*)<")
                .Select(m => (X: double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                    Y: Math.Round(double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)),
                    Right: double.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture), Text: m.Groups[4].Value))
                .Where(w => w.Text.Contains('曾', StringComparison.Ordinal) || w.Text.Contains('何', StringComparison.Ordinal) || w.Text.Contains('伟', StringComparison.Ordinal))
                .ToList();
            Assert.NotEmpty(words);
            foreach (var line in words.GroupBy(w => w.Y))
            {
                var ordered = line.OrderBy(w => w.X).ToList();
                for (var i = 1; i < ordered.Count; i++)
                {
                    Assert.True(ordered[i].X - ordered[i - 1].Right > 2,
                        $"\"{ordered[i - 1].Text}\" ends at {ordered[i - 1].Right:F1}, \"{ordered[i].Text}\" begins at {ordered[i].X:F1}");
                }
            }
        }
        finally
        {
            File.Delete(file);
        }
    }
}
