using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.Errors;
using PetitionGraph.Api.GraphQL.Relay;
using PetitionGraph.Api.GraphQL.Scalars;
using PetitionGraph.Api.Language;
using PetitionGraph.Api.Reports.Mail;
using PetitionGraph.Reporting;
using PetitionGraph.Reporting.Kinds;

namespace PetitionGraph.Api.Reports;

/// <summary>An artifact's description without its bytes; the bytes are served at <see cref="Url"/>.</summary>
public sealed record ArtifactInfo(int RunId, string FileName, string ContentType, long Size)
{
    public string Url => $"/reports/{RunId}/{Uri.EscapeDataString(FileName)}";
}

public sealed class ReportRunType : ObjectGraphType<ReportRun>
{
    public ReportRunType()
    {
        this.NodeId("ReportRun");
        Description = "One generation of one report for one period, on a schedule or on demand; node(id:) finds it again for whoever may open it.";
        Field(r => r.Report).Description("monthly-overview, by-category, by-village, leader-ownership, due-list, key-cases or campaign-progress.");
        Field(r => r.Period).Description("2021-05, 2021-Q2, 2021, 2021-W18 or 2021-05-03 (office time).");
        Field(r => r.Trigger, type: typeof(NonNullGraphType<EnumType<ReportTrigger>>)).Description("Whether the schedule or a person asked for it.");
        Field(r => r.Status, type: typeof(NonNullGraphType<EnumType<ReportRunStatus>>)).Description("Where the run stands.");
        Field(r => r.ReaderRole).Description("The role (ANALYST, OFFICE, …) whose view of personal data the report shows.");
        Field(r => r.RequestedBy).Description("The account that asked for it, or \"schedule\".");
        Field(r => r.CreatedAt, type: typeof(NonNullGraphType<DateTimeScalar>)).Description("When it was requested.");
        Field(r => r.StartedAt, type: typeof(DateTimeScalar)).Description("When the last attempt started; null while pending.");
        Field(r => r.FinishedAt, type: typeof(DateTimeScalar)).Description("When it succeeded or finally failed; null until then.");
        Field(r => r.Attempts).Description("Attempts so far (failed attempts are retried with back-off).");
        Field(r => r.NextAttemptAt, type: typeof(NonNullGraphType<DateTimeScalar>)).Description("When a pending run is (re)tried.");
        Field(r => r.Error, nullable: true).Description("Why the last attempt failed.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReportArtifactType>>>>("artifacts")
            .Description("The files: report.html, report.xlsx, charts as PNG and SVG.")
            .ResolveAsync(async c => c.Source.Artifacts.Count > 0
                ? c.Source.Artifacts.Select(a => new ArtifactInfo(c.Source.Id, a.FileName, a.ContentType, a.Size)).ToList()
                : await c.Db().ReportArtifacts.Where(a => a.RunId == c.Source.Id).OrderBy(a => a.Id)
                    .Select(a => new ArtifactInfo(a.RunId, a.FileName, a.ContentType, a.Size)).ToListAsync(c.CancellationToken));
        this.AddDeliveries();
    }
}

public sealed class ReportArtifactType : ObjectGraphType<ArtifactInfo>
{
    public ReportArtifactType()
    {
        Name = "ReportArtifact";
        Description = "One file of a report run (XLSX, CSV, PNG chart …).";
        Field(a => a.FileName).Description("File name, e.g. monthly-overview-2021-05.xlsx.");
        Field(a => a.ContentType).Description("Media type of the file.");
        Field(a => a.Size).Description("Bytes.");
        Field(a => a.Url).Description("Served by every instance: GET it from the API's base address.");
    }
}

public static class ReportQueries
{
    public const int MaxRuns = 100;

    public static void AddReportQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReportRunType>>>>("reportRuns")
            .Description("Report runs, newest first.")
            .RequireRoles(Role.Admin, Role.Office, Role.Analyst)
            .Argument<StringGraphType>("report", "Only this report (e.g. monthly-overview).")
            .Argument<StringGraphType>("period", "Only this period (e.g. 2021-05).")
            .Argument<EnumType<ReportRunStatus>>("status", "Only runs in this status.")
            .Argument<EnumType<ReportTrigger>>("trigger", "Only scheduled runs (SCHEDULE) or only those asked for (ON_DEMAND).")
            .Argument<EnumType<Role>>("readerRole", "Only runs made for this role's view of personal data.")
            .Argument<IntGraphType>("first", $"At most this many (default 20, at most {MaxRuns}).")
            .ResolveAsync(async c =>
            {
                var first = c.GetArgument("first", 20);
                if (first is < 0 or > MaxRuns)
                {
                    throw new QueryError(ErrorCodes.PageSize, new Msg($"first 须在 0 到 {MaxRuns} 之间。", $"first must be between 0 and {MaxRuns}."));
                }
                // Only the runs the caller may open: a list must not name what its reader may not fetch.
                var runs = c.Db().ReportRuns.Where(ReportAccess.Visible(c.Scope().Caller!));
                if (c.GetArgument<string?>("report") is { } report)
                {
                    runs = runs.Where(r => r.Report == report);
                }
                if (c.GetArgument<string?>("period") is { } period)
                {
                    runs = runs.Where(r => r.Period == period);
                }
                if (c.GetArgument<ReportRunStatus?>("status") is { } status)
                {
                    runs = runs.Where(r => r.Status == status);
                }
                if (c.GetArgument<ReportTrigger?>("trigger") is { } trigger)
                {
                    runs = runs.Where(r => r.Trigger == trigger);
                }
                if (c.GetArgument<Role?>("readerRole") is { } role)
                {
                    var name = EnumNames.Name(role);
                    runs = runs.Where(r => r.ReaderRole == name);
                }
                return await runs.OrderByDescending(r => r.Id).Take(first).ToListAsync(c.CancellationToken);
            });
        query.Field<ReportRunType>("latestReportRun")
            .Description("The current report of a kind: its newest successful run for the latest period (or for the period given) that you may open — e.g. \"the current monthly report\".")
            .RequireRoles(Role.Admin, Role.Office, Role.Analyst)
            .Argument<NonNullGraphType<EnumType<ReportKind>>>("report", "Which report.")
            .Argument<StringGraphType>("period", "That period's run (e.g. 2026-10) instead of the latest period's.")
            .ResolveAsync(async c =>
            {
                var name = ReportDefinitions.For(c.GetArgument<ReportKind>("report")).Name;
                var runs = c.Db().ReportRuns.Where(ReportAccess.Visible(c.Scope().Caller!))
                    .Where(r => r.Report == name && r.Status == ReportRunStatus.Succeeded);
                var period = c.GetArgument<string?>("period");
                if (period is null)
                {
                    // The latest period is the one that ends last (2026-10 after 2026-Q3): periods are compared as spans.
                    var office = c.RequestServices!.GetRequiredService<OfficeTime>();
                    var periods = await runs.Select(r => r.Period).Distinct().ToListAsync(c.CancellationToken);
                    period = periods.Select(p => (Text: p, Span: ReportPeriod.Parse(p, office)))
                        .Where(p => p.Span is not null).OrderByDescending(p => p.Span!.End).ThenBy(p => p.Span!.End - p.Span!.Start)
                        .Select(p => p.Text).FirstOrDefault();
                }
                return period is null ? null
                    : await runs.Where(r => r.Period == period).OrderByDescending(r => r.Id).FirstOrDefaultAsync(c.CancellationToken);
            });
    }
}
