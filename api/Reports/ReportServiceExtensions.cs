using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.Reports;

public static class ReportServiceExtensions
{
    public static IServiceCollection AddPetitionReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(ReportOptions.From(configuration));
        services.AddSingleton<ReportGenerator>();
        services.AddSingleton<ReportRunStore>();
        services.AddSingleton<ReportScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<ReportScheduler>());
        return services;
    }

    /// <summary>GET /reports/{id}/{file}: a stored artifact, from whichever instance is asked.</summary>
    public static WebApplication MapReportArtifacts(this WebApplication app)
    {
        app.MapGet("/reports/{id:int}/{fileName}", async (int id, string fileName, IDbContextFactory<PetitionDbContext> factory, CancellationToken ct) =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var artifact = await db.ReportArtifacts.Where(a => a.RunId == id && a.FileName == fileName)
                .Select(a => new { a.ContentType, a.Content }).FirstOrDefaultAsync(ct);
            return artifact is null ? Results.NotFound() : Results.Bytes(artifact.Content, artifact.ContentType);
        });
        return app;
    }
}
