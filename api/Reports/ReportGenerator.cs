using System.Linq.Expressions;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Reporting;

namespace PetitionGraph.Api.Reports;

/// <summary>Renders one report for one period as the reader's role may see it; reads from the analytics database.</summary>
public sealed class ReportGenerator(AnalyticsDatabase analytics, OfficeTime office, KeyClassRules keyClasses, ReportOptions options, TimeProvider clock)
{
    public OfficeTime Office => office;

    public async Task<ReportDocument> RenderAsync(ReportKind kind, ReportPeriod period, Role reader, Expression<Func<Case, bool>>? scope, CancellationToken ct)
    {
        await using var db = analytics.CreateDbContext();
        var builder = new ReportDataBuilder(db, office, keyClasses, options.OfficeName, scope ?? (_ => true), analytics.CreateDbContext);
        var data = await builder.BuildAsync(kind, period, reader, clock.GetUtcNow().UtcDateTime, ct);
        return ReportRenderer.Render(data);
    }
}
