using System.Diagnostics;
using System.Linq.Expressions;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Reporting;

namespace PetitionGraph.Api.Reports;

/// <summary>
/// Renders one report for one period as the reader's role may see it, reading from the analytics database: the
/// reporting library's files, report.pdf included unless it is turned off (Reports:Pdf:Enabled=false).
/// </summary>
public sealed class ReportGenerator(
    AnalyticsDatabase analytics, OfficeTime office, KeyClassRules keyClasses, ReportOptions options, TimeProvider clock, Pdf.PdfSettings pdf,
    ILogger<ReportGenerator> logger)
{
    public OfficeTime Office => office;

    public async Task<ReportDocument> RenderAsync(ReportKind kind, ReportPeriod period, Role reader, Expression<Func<Case, bool>>? scope, CancellationToken ct)
    {
        await using var db = analytics.CreateDbContext();
        var builder = new ReportDataBuilder(db, office, keyClasses, options.OfficeName, scope ?? (_ => true), analytics.CreateDbContext);
        // Where a report's time goes (its data, its files, its PDF) is logged: the first thing to read when one is slow.
        var start = Stopwatch.GetTimestamp();
        var data = await builder.BuildAsync(kind, period, reader, clock.GetUtcNow().UtcDateTime, ct);
        var built = Stopwatch.GetTimestamp();
        var document = ReportRenderer.Render(data, pdf.Enabled);
        // The files are written side by side (ReportRenderer): the PDF's own time is part of the files' time, not after it.
        logger.LogInformation("Report {Kind} {Period}: data {DataMs:N0} ms, files {FilesMs:N0} ms (of which the PDF, drawn alongside, {PdfMs:N0} ms).",
            kind, period.Text, Stopwatch.GetElapsedTime(start, built).TotalMilliseconds, Stopwatch.GetElapsedTime(built).TotalMilliseconds,
            document.PdfTime.TotalMilliseconds);
        return document;
    }
}
