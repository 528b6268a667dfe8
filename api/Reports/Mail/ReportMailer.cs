using Microsoft.EntityFrameworkCore;
using MimeKit;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Reporting.Kinds;

namespace PetitionGraph.Api.Reports.Mail;

/// <summary>
/// Scheduled reports by e-mail. When a scheduled run finishes, its messages are added in the run's own transaction
/// (the report to each subscriber, or a failure notice to the administrator), so a run is never done without them;
/// each message is then claimed by one instance and sent through SMTP, retried with back-off, and the administrator
/// told when one cannot be sent. A message is sent once unless an instance dies between the server's acceptance and
/// the record of it; its Message-Id is the same on every attempt, so a mailbox can tell a repeat.
/// </summary>
public sealed class ReportMailer(
    IDbContextFactory<PetitionDbContext> factory, MailOptions mail, OfficeTime office, TimeProvider clock, AuditWriter audit, ILogger<ReportMailer> logger)
{
    /// <summary>The roles a report may be mailed to: those that see every case (never a leader, who may be accused in one).</summary>
    public static bool MayReceive(Role role) => role is Role.Admin or Role.Office or Role.Analyst;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Adds the messages a finished scheduled run calls for, to <paramref name="db"/>'s transaction.</summary>
    public async Task EnqueueAsync(PetitionDbContext db, ReportRun run, CancellationToken ct)
    {
        if (!mail.Enabled || run.Trigger != ReportTrigger.Schedule)
        {
            return;
        }
        if (run.Status == ReportRunStatus.Failed)
        {
            AddNotice(db, run.Id, DeliveryKind.RunFailed, $"{run.Report} {run.Period}: {run.Error}");
            return;
        }
        if (run.Status != ReportRunStatus.Succeeded)
        {
            return;
        }
        var names = ReportAccess.ShowsNames(run.ReaderRole);
        var subscriptions = await db.ReportSubscriptions.Where(s => s.Report == run.Report && s.Active).OrderBy(s => s.Id).ToListAsync(ct);
        var addresses = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var subscription in subscriptions)
        {
            // A report with names goes only to roles that may read names; the others get none (not a masked copy:
            // the office chose whose view scheduled reports show).
            if (!MayReceive(subscription.Role) || (names && !PersonalDataPolicy.MayReadPersonalData(subscription.Role)))
            {
                continue;
            }
            if ((subscription.Address ?? mail.MailboxOf(subscription.Role)) is not { } address)
            {
                logger.LogWarning("Subscription {Id} to {Report} names the {Role} mailbox, which Mail:Mailboxes does not configure; not mailed.",
                    subscription.Id, subscription.Report, EnumNames.Name(subscription.Role));
                continue;
            }
            if (addresses.Add(address))
            {
                db.ReportDeliveries.Add(NewDelivery(run.Id, DeliveryKind.Report, address, subscription.Id, null));
            }
        }
    }

    /// <summary>Sends every message due that this instance can claim; how many were sent.</summary>
    public async Task<int> SendDueAsync(string instance, CancellationToken ct)
    {
        if (!mail.Enabled)
        {
            return 0;
        }
        var sent = 0;
        while (await ClaimNextAsync(instance, ct) is { } delivery)
        {
            string? error = null;
            try
            {
                await SendAsync(delivery, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                logger.LogWarning(e, "Mail {Delivery} to {Address} failed on attempt {Attempt}.", delivery.Id, delivery.Address, delivery.Attempts);
                error = MailOptions.Describe(e);
            }
            if (await RecordAsync(delivery, instance, error, ct) && error is null)
            {
                sent++;
            }
        }
        return sent;
    }

    private ReportDelivery NewDelivery(int runId, DeliveryKind kind, string address, int? subscription, string? detail) => new()
    {
        RunId = runId,
        SubscriptionId = subscription,
        Kind = kind,
        Address = address,
        Detail = detail?[..Math.Min(detail.Length, 4000)],
        Status = DeliveryStatus.Pending,
        CreatedAt = Now,
        NextAttemptAt = Now,
    };

    private void AddNotice(PetitionDbContext db, int runId, DeliveryKind kind, string detail)
    {
        if (mail.MailboxOf(Role.Admin) is { } admin)
        {
            db.ReportDeliveries.Add(NewDelivery(runId, kind, admin, null, detail));
        }
        else
        {
            logger.LogError("{Kind} ({Detail}), and no administrator mailbox (Mail:Mailboxes:ADMIN) to tell.", kind, detail);
        }
    }

    private async Task<ReportDelivery?> ClaimNextAsync(string instance, CancellationToken ct)
    {
        var now = Now;
        var until = now.AddSeconds(mail.TimeoutSeconds * 3);
        await using var db = await factory.CreateDbContextAsync(ct);
        return await Claims.ClaimNextAsync<ReportDelivery>(db,
            d => (d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now) || (d.Status == DeliveryStatus.Sending && d.ClaimedUntil < now),
            d => d.NextAttemptAt,
            s => s
                .SetProperty(d => d.Status, DeliveryStatus.Sending)
                .SetProperty(d => d.ClaimedBy, instance)
                .SetProperty(d => d.ClaimedUntil, until)
                .SetProperty(d => d.Attempts, d => d.Attempts + 1),
            ct);
    }

    private async Task SendAsync(ReportDelivery delivery, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var run = await db.ReportRuns.FirstAsync(r => r.Id == delivery.RunId, ct);
        var message = new MimeMessage { MessageId = $"report-delivery-{delivery.Id}@petitiongraph", Date = Now };
        message.From.Add(MailboxAddress.Parse(mail.Sender));
        message.To.Add(MailboxAddress.Parse(delivery.Address));
        var title = ReportDefinitions.TryParse(run.Report, out var kind) ? ReportDefinitions.For(kind).Title : run.Report;
        var label = ReportPeriod.Parse(run.Period, office)?.Label ?? run.Period;
        var body = new BodyBuilder();
        if (delivery.Kind == DeliveryKind.Report)
        {
            message.Subject = $"{title}（{label}）";
            var files = await db.ReportArtifacts.Where(a => a.RunId == run.Id && (a.FileName == "report.pdf" || a.FileName == "report.xlsx"))
                .OrderByDescending(a => a.FileName).ToListAsync(ct);
            body.TextBody = MessageText.Report(title, label, run, files.Select(f => DownloadName.For(run.Report, run.Period, f.FileName)), mail.BaseUrl);
            foreach (var file in files)
            {
                body.Attachments.Add(DownloadName.For(run.Report, run.Period, file.FileName), file.Content, ContentType.Parse(file.ContentType));
            }
            if (ReportAccess.ShowsNames(run.ReaderRole))
            {
                // Names leave the service in this message: audited before it is sent, and not sent if that fails.
                var role = await db.ReportSubscriptions.Where(s => s.Id == delivery.SubscriptionId).Select(s => (Role?)s.Role).FirstOrDefaultAsync(ct) ?? Role.Office;
                await audit.WriteAsync("mail:" + delivery.Address, role, "MAIL", $"ReportRun:{run.Id}", "name", "report subscription");
            }
        }
        else
        {
            message.Subject = delivery.Kind == DeliveryKind.RunFailed ? $"报表生成失败：{title}（{label}）" : $"报表邮件未能送达：{title}（{label}）";
            body.TextBody = MessageText.Notice(delivery, run, title, label, mail.BaseUrl);
        }
        message.Body = body.ToMessageBody();
        await mail.SendAsync(message, ct);
    }

    /// <summary>Records an attempt's outcome unless the claim was lost; true when it was recorded.</summary>
    private async Task<bool> RecordAsync(ReportDelivery delivery, string instance, string? error, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var mine = await db.ReportDeliveries.AsTracking()
            .FirstOrDefaultAsync(d => d.Id == delivery.Id && d.ClaimedBy == instance && d.Status == DeliveryStatus.Sending, ct);
        if (mine is null)
        {
            return false;
        }
        mine.ClaimedUntil = null;
        mine.Error = error?[..Math.Min(error.Length, 4000)];
        if (error is null)
        {
            mine.Status = DeliveryStatus.Sent;
            mine.SentAt = Now;
        }
        else if (mine.Attempts >= mail.MaxAttempts)
        {
            mine.Status = DeliveryStatus.Failed;
            // A report that cannot reach its subscriber is the administrator's to know; a notice that cannot reach
            // the administrator is only logged (there is no one left to mail).
            var admin = mail.MailboxOf(Role.Admin);
            if (mine.Kind == DeliveryKind.Report && admin is not null
                && !await db.ReportDeliveries.AnyAsync(d => d.RunId == mine.RunId && d.Kind == DeliveryKind.DeliveryFailed && d.Address == admin, ct))
            {
                AddNotice(db, mine.RunId, DeliveryKind.DeliveryFailed, $"{mine.Address}: {error}");
            }
            logger.LogError("Mail {Delivery} ({Kind}) to {Address} failed for good after {Attempts} attempts: {Error}", mine.Id, mine.Kind, mine.Address, mine.Attempts, error);
        }
        else
        {
            mine.Status = DeliveryStatus.Pending;
            mine.NextAttemptAt = mail.RetryAt(Now, mine.Attempts);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}
