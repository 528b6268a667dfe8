using Microsoft.Net.Http.Headers;
using PetitionGraph.Reporting.Kinds;

namespace PetitionGraph.Api.Reports;

/// <summary>
/// The name a downloaded report file is saved under — the report's Chinese title and its period, e.g.
/// 信访工作月报-2026-10.pdf (a chart: 信访工作月报-2026-10-stock-trend.png) — sent per RFC 6266 with the UTF-8 name
/// in <c>filename*</c> (RFC 5987) and an ASCII one for old clients. Pages and pictures open in the browser; the
/// workbook is saved.
/// </summary>
public static class DownloadName
{
    public static string For(string report, string period, string fileName)
    {
        var title = ReportDefinitions.TryParse(report, out var kind) ? ReportDefinitions.For(kind).Title : report;
        var extension = Path.GetExtension(fileName);
        var stem = Path.GetFileNameWithoutExtension(fileName);
        return stem == "report" ? $"{title}-{period}{extension}" : $"{title}-{period}-{stem}{extension}";
    }

    public static string ContentDisposition(string report, string period, string fileName)
    {
        var header = new ContentDispositionHeaderValue(Path.GetExtension(fileName) == ".xlsx" ? "attachment" : "inline");
        header.SetHttpFileName(For(report, period, fileName));
        return header.ToString();
    }
}
