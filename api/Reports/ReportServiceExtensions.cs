using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.Reports;

public static class ReportServiceExtensions
{
    public static IServiceCollection AddPetitionReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(ReportOptions.From(configuration));
        services.AddSingleton<ReportGenerator>();
        services.AddSingleton(Pdf.PdfSettings.From(configuration));
        services.AddSingleton(Mail.MailOptions.From(configuration));
        services.AddSingleton<Mail.ReportMailer>();
        services.AddSingleton<ReportRunStore>();
        services.AddSingleton<Statistics.RollupWarmer>();
        services.AddSingleton<ReportScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<ReportScheduler>());
        return services;
    }

    private static object Error(string message, string code) => new { errors = new[] { new { message, extensions = new { code } } } };

    /// <summary>GET /reports/{id}/{file}: a stored artifact, from whichever instance is asked.</summary>
    public static WebApplication MapReportArtifacts(this WebApplication app)
    {
        app.MapGet("/reports/{id:int}/{fileName}", async (int id, string fileName, HttpContext http, IDbContextFactory<PetitionDbContext> factory, AuditWriter audit, CancellationToken ct) =>
        {
            // Reports cover every case of the town: only the roles that see every case may fetch them, and a report
            // made with names only those who may read names (each such download is audited).
            if (Caller.From(http.User) is not { } caller)
            {
                return Results.Json(Error("Send a valid bearer token.", "UNAUTHENTICATED"), statusCode: StatusCodes.Status401Unauthorized);
            }
            await using var db = await factory.CreateDbContextAsync(ct);
            var run = await db.ReportRuns.Where(r => r.Id == id).Select(r => new { r.ReaderRole, r.RequestedBy, r.Report, r.Period }).FirstOrDefaultAsync(ct);
            var withNames = run is not null && ReportAccess.ShowsNames(run.ReaderRole);
            if (!ReportAccess.MayList(caller) || (run is not null && !ReportAccess.MayOpen(caller, run.ReaderRole, run.RequestedBy)))
            {
                return Results.Json(Error("Your role may not fetch this report.", "FORBIDDEN"), statusCode: StatusCodes.Status403Forbidden);
            }
            var artifact = await db.ReportArtifacts.Where(a => a.RunId == id && a.FileName == fileName)
                .Select(a => new { a.ContentType, a.Content }).FirstOrDefaultAsync(ct);
            if (artifact is null)
            {
                return Results.NotFound();
            }
            if (withNames)
            {
                await audit.WriteAsync(caller.Name, caller.Role, "DOWNLOAD", $"ReportRun:{id}/{fileName}", "name", "GET /reports");
            }
            http.Response.Headers.ContentDisposition = DownloadName.ContentDisposition(run!.Report, run.Period, fileName);
            return Results.Bytes(artifact.Content, artifact.ContentType);
        });
        return app;
    }
}
