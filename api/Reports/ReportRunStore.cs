using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.Language;
using PetitionGraph.Reporting;

using PetitionGraph.Reporting.Kinds;

namespace PetitionGraph.Api.Reports;

/// <summary>
/// Report runs in the database: made on demand, or scheduled and claimed by exactly one instance. A scheduled run is
/// one row per report and period (unique key), claimed by a conditional UPDATE (only one instance's succeeds), held
/// for a lease, and on failure put back with a growing delay until the attempts run out.
/// </summary>
public sealed class ReportRunStore(
    IDbContextFactory<PetitionDbContext> factory, ReportGenerator generator, Mail.ReportMailer mailer, ReportOptions options, TimeProvider clock,
    ILogger<ReportRunStore> logger)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Generates now and stores the run with its artifacts in one transaction; a report that cannot be made stores nothing.</summary>
    public async Task<ReportRun> GenerateNowAsync(ReportKind kind, ReportPeriod period, Role reader, string requestedBy, Expression<Func<Case, bool>>? scope, CancellationToken ct)
    {
        var started = Now;
        var document = await generator.RenderAsync(kind, period, reader, scope, ct);
        var run = new ReportRun
        {
            Report = ReportDefinitions.For(kind).Name,
            Period = period.Text,
            Trigger = ReportTrigger.OnDemand,
            Status = ReportRunStatus.Succeeded,
            ReaderRole = EnumNames.Name(reader),
            RequestedBy = requestedBy,
            CreatedAt = started,
            StartedAt = started,
            FinishedAt = Now,
            NextAttemptAt = started,
            Attempts = 1,
            Artifacts = Artifacts(document),
        };
        var storing = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var db = await factory.CreateDbContextAsync(ct);
        db.ReportRuns.Add(run);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Report run {Run} stored: {Files} files, {Bytes:N0} bytes in {Ms:N0} ms.", run.Id, run.Artifacts.Count,
            run.Artifacts.Sum(a => (long)a.Size), System.Diagnostics.Stopwatch.GetElapsedTime(storing).TotalMilliseconds);
        Hosting.Telemetry.ReportRun(run.Report, "succeeded");
        return run;
    }

    /// <summary>Adds the run for each due period that has none; another instance adding the same one first is fine.</summary>
    public async Task<int> EnsureScheduledAsync(IEnumerable<(string Report, string Period)> due, CancellationToken ct)
    {
        var wanted = due.Select(d => (d.Report, d.Period, Key: d.Report + "/" + d.Period)).ToList();
        await using var db = await factory.CreateDbContextAsync(ct);
        var keys = wanted.Select(w => w.Key).ToList();
        var existing = (await db.ReportRuns.Where(r => r.ScheduleKey != null && keys.Contains(r.ScheduleKey)).Select(r => r.ScheduleKey!).ToListAsync(ct)).ToHashSet();
        var added = 0;
        foreach (var (report, period, key) in wanted.Where(w => !existing.Contains(w.Key)))
        {
            await using var insert = await factory.CreateDbContextAsync(ct);
            insert.ReportRuns.Add(new ReportRun
            {
                Report = report,
                Period = period,
                Trigger = ReportTrigger.Schedule,
                ScheduleKey = key,
                Status = ReportRunStatus.Pending,
                ReaderRole = EnumNames.Name(options.ScheduledReaderRole),
                RequestedBy = "schedule",
                CreatedAt = Now,
                NextAttemptAt = Now,
            });
            try
            {
                await insert.SaveChangesAsync(ct);
                added++;
            }
            catch (DbUpdateException)
            {
                // The unique schedule key: another instance created this run a moment ago.
            }
        }
        return added;
    }

    /// <summary>Claims the next run that is due (or whose claim has lapsed); null when there is none or another instance won it.</summary>
    public async Task<ReportRun?> ClaimNextAsync(string instance, CancellationToken ct)
    {
        var now = Now;
        var until = now.AddSeconds(options.ClaimSeconds);
        await using var db = await factory.CreateDbContextAsync(ct);
        return await Claims.ClaimNextAsync<ReportRun>(db,
            r => (r.Status == ReportRunStatus.Pending && r.NextAttemptAt <= now) || (r.Status == ReportRunStatus.Running && r.ClaimedUntil < now),
            r => r.NextAttemptAt,
            s => s
                .SetProperty(r => r.Status, ReportRunStatus.Running)
                .SetProperty(r => r.ClaimedBy, instance)
                .SetProperty(r => r.ClaimedUntil, until)
                .SetProperty(r => r.StartedAt, now)
                .SetProperty(r => r.Attempts, r => r.Attempts + 1),
            ct);
    }

    /// <summary>Generates a claimed run and records the outcome, unless the claim was lost meanwhile.</summary>
    public async Task ExecuteAsync(ReportRun run, string instance, CancellationToken ct)
    {
        List<ReportArtifact>? artifacts = null;
        string? error = null;
        try
        {
            if (!ReportDefinitions.TryParse(run.Report, out var kind))
            {
                throw new ReportDataException(new Msg($"没有名为“{run.Report}”的报表。", $"There is no report called '{run.Report}'."));
            }
            var period = ReportPeriod.Parse(run.Period, generator.Office) ?? throw new ReportDataException(new Msg($"“{run.Period}”不是期间。", $"'{run.Period}' is not a period."));
            artifacts = Artifacts(await generator.RenderAsync(kind, period, EnumNames.Parse<Role>(run.ReaderRole), null, ct));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Report run {Run} ({Report} {Period}) failed on attempt {Attempt}.", run.Id, run.Report, run.Period, run.Attempts);
            error = e is ReportDataException ? e.Message : $"{e.GetType().Name}: {e.Message}";
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var mine = await db.ReportRuns.AsTracking().FirstOrDefaultAsync(r => r.Id == run.Id && r.ClaimedBy == instance && r.Status == ReportRunStatus.Running, ct);
        if (mine is null)
        {
            return;
        }
        mine.FinishedAt = Now;
        mine.ClaimedUntil = null;
        mine.Error = error?[..Math.Min(error.Length, 4000)];
        if (artifacts is not null)
        {
            mine.Status = ReportRunStatus.Succeeded;
            mine.Artifacts.AddRange(artifacts);
            // Its scheduled report is produced: the period closes, its figures kept as published (DESIGN §6).
            if (ReportPeriod.Parse(mine.Period, generator.Office) is { } period && period.End <= Now)
            {
                await Periods.PeriodClosing.CloseAsync(db, period, "schedule", Now, ct);
            }
        }
        else if (mine.Attempts >= options.MaxAttempts)
        {
            mine.Status = ReportRunStatus.Failed;
        }
        else
        {
            mine.Status = ReportRunStatus.Pending;
            mine.NextAttemptAt = Now.AddSeconds(options.RetrySeconds * Math.Pow(2, mine.Attempts - 1));
        }
        // Its messages (the report to subscribers, or the failure to the administrator) with it, in one transaction.
        await mailer.EnqueueAsync(db, mine, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        Hosting.Telemetry.ReportRun(mine.Report, mine.Status switch
        {
            ReportRunStatus.Succeeded => "succeeded",
            ReportRunStatus.Failed => "failed",
            _ => "retrying",
        });
    }

    /// <summary>
    /// Deletes finished runs created before the retention window, with their files and messages. The window is never
    /// shorter than twice the catch-up window, so that a deleted scheduled run is not made again.
    /// </summary>
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        var cutoff = Now.AddMonths(-options.RetentionMonths);
        var catchUp = Now.AddDays(-2 * options.CatchUpDays);
        cutoff = cutoff < catchUp ? cutoff : catchUp;
        await using var db = await factory.CreateDbContextAsync(ct);
        var old = db.ReportRuns.Where(r => r.CreatedAt < cutoff && (r.Status == ReportRunStatus.Succeeded || r.Status == ReportRunStatus.Failed));
        if (!await old.AnyAsync(ct))
        {
            return 0;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.ReportDeliveries.Where(d => old.Any(r => r.Id == d.RunId)).ExecuteDeleteAsync(ct);
        await db.ReportArtifacts.Where(a => old.Any(r => r.Id == a.RunId)).ExecuteDeleteAsync(ct);
        var deleted = await old.ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Deleted {Runs} report run(s) created before {Cutoff:yyyy-MM-dd} (Reports:RetentionMonths = {Months}).", deleted, cutoff, options.RetentionMonths);
        return deleted;
    }

    private static List<ReportArtifact> Artifacts(ReportDocument document) =>
        document.Artifacts.Select(a => new ReportArtifact { FileName = a.FileName, ContentType = a.ContentType, Size = a.Content.Length, Content = a.Content }).ToList();
}
