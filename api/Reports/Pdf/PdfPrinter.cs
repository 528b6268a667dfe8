using System.Text;
using PetitionGraph.Api.Language;
using PetitionGraph.Reporting.Charts;
using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace PetitionGraph.Api.Reports.Pdf;

/// <summary>
/// Prints a report's HTML page to PDF with a headless Chromium (Debian's <c>chromium</c> package): the same page an
/// office prints from the browser — A4, landscape where a table is wide, page numbers and repeated table headers from
/// the page's print CSS — with the shipped CJK font embedded, so the PDF reads the same on any machine. One browser
/// is started on first use and kept; without Chromium the service still runs and says PDF is unavailable.
/// </summary>
public sealed class PdfPrinter(PdfSettings settings, ILogger<PdfPrinter> logger) : IAsyncDisposable
{
    public const string ContentType = "application/pdf";

    private static readonly string[] Candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lazy<string?> _executable = new(() => Find(settings));
    private IBrowser? _browser;

    /// <summary>Why there is no PDF, or null when there is one.</summary>
    public string? Unavailable =>
        !settings.Enabled ? "PDF is turned off (Reports:Pdf:Enabled=false)."
        : _executable.Value is null ? "PDF is unavailable: no Chromium was found (install Debian's chromium package, or set Reports:Pdf:Chromium)."
        : null;

    public async Task<byte[]> PrintAsync(byte[] html, CancellationToken ct)
    {
        if (Unavailable is { } reason)
        {
            throw new InvalidOperationException(reason);
        }
        await _gate.WaitAsync(ct);
        try
        {
            var browser = await BrowserAsync();
            await using var page = await browser.NewPageAsync();
            // The page is self-contained; nothing it could ask for outside itself is fetched.
            await page.SetRequestInterceptionAsync(true);
            page.Request += async (_, e) => await (e.Request.Url.StartsWith("data:", StringComparison.Ordinal) ? e.Request.ContinueAsync() : e.Request.AbortAsync());
            page.DefaultTimeout = (int)TimeSpan.FromSeconds(settings.TimeoutSeconds).TotalMilliseconds;
            // The browser's calls take no token: the request's limit stops them by stopping the browser (below).
            await page.SetContentAsync(WithEmbeddedFont(html), new SetContentOptions { WaitUntil = [WaitUntilNavigation.Load] }).WaitAsync(ct);
            return await page.PdfDataAsync(new PuppeteerSharp.PdfOptions
            {
                Format = PaperFormat.A4,
                PreferCSSPageSize = true,
                PrintBackground = true,
            }).WaitAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped in the middle of a page: that browser is still busy printing it; the next report starts another.
            await CloseAsync();
            throw;
        }
        catch (Exception e) when (e is PuppeteerException or TargetClosedException or IOException)
        {
            // A browser that died is started again for the next report.
            logger.LogWarning(e, "Chromium failed while printing a PDF; it is restarted for the next one.");
            await CloseAsync();
            ct.ThrowIfCancellationRequested();
            // Said as what it is (the report is too long to print in time, or the browser broke), never as an internal error.
            throw new ReportDataException(new Msg(
                $"PDF 未能打印（{e.GetBaseException().Message}）；报表 HTML 有 {html.Length / 1024:N0} KiB，可能过长，无法按时打印：请缩短期间或减少案件。",
                $"The PDF could not be printed ({e.GetBaseException().Message}); a report of {html.Length / 1024:N0} KiB of HTML " +
                "may be too long to print in time: ask for a shorter period or fewer cases."));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Starts Chromium now, so that a report's PDF does not wait for it: the command line starts it while the report's
    /// data is gathered (Chromium takes about half a second to come up). A failure here is only logged: the print
    /// starts the browser again and says what is wrong.
    /// </summary>
    public async Task WarmUpAsync(CancellationToken ct)
    {
        if (Unavailable is not null)
        {
            return;
        }
        await _gate.WaitAsync(ct);
        try
        {
            await BrowserAsync();
        }
        catch (Exception e) when (e is PuppeteerException or IOException or InvalidOperationException)
        {
            logger.LogWarning(e, "Chromium could not be started ahead of the PDF; printing will try again.");
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<IBrowser> BrowserAsync()
    {
        if (_browser is { IsClosed: false } running)
        {
            return running;
        }
        _browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = _executable.Value,
            Headless = true,
            // --no-sandbox: the service may run as root in a container, where Chromium's sandbox cannot start.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--font-render-hinting=none", "--no-first-run"],
            Timeout = (int)TimeSpan.FromSeconds(settings.TimeoutSeconds).TotalMilliseconds,
        });
        return _browser;
    }

    /// <summary>The shipped GB2312 subset of WenQuanYi Micro Hei, first in the page's font list: the PDF embeds it.</summary>
    private static string WithEmbeddedFont(byte[] html)
    {
        var font = EmbeddedFontCss.Value;
        var text = Encoding.UTF8.GetString(html);
        var head = text.IndexOf("</style>", StringComparison.Ordinal);
        return head < 0 ? font + text : text.Insert(head, font);
    }

    private static readonly Lazy<string> EmbeddedFontCss = new(() =>
        "\n@font-face { font-family: \"PetitionGraph CJK\"; src: url(data:font/ttf;base64," + Convert.ToBase64String(File.ReadAllBytes(ChartFonts.FontPath)) + ") format(\"truetype\"); }\n" +
        "html { font-family: \"PetitionGraph CJK\", sans-serif; }\n");

    private static string? Find(PdfSettings settings)
    {
        if (!string.IsNullOrWhiteSpace(settings.Chromium))
        {
            return File.Exists(settings.Chromium) ? settings.Chromium : null;
        }
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(folder => Candidates.Select(name => Path.Combine(folder, name)))
            .FirstOrDefault(File.Exists);
    }

    private async Task CloseAsync()
    {
        if (_browser is { } browser)
        {
            _browser = null;
            await browser.CloseAsync();
            await browser.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        _gate.Dispose();
    }
}
