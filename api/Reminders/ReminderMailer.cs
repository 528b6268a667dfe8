using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.Reports.Mail;

namespace PetitionGraph.Api.Reminders;

/// <summary>
/// The daily e-mail digest: from <see cref="ReminderOptions.DigestHour"/> on, each recipient with a mailbox and with live,
/// unread reminders not mailed yet gets one message a day listing them. Made once per recipient and day (unique key),
/// claimed and sent by one instance, retried with back-off like report mail. Names follow the recipient's role: a
/// leader's digest masks them; the office's and a village's show them, and each such mailing is audited.
/// </summary>
public sealed class ReminderMailer(
    IDbContextFactory<PetitionDbContext> factory, MailOptions mail, ReminderOptions options, OfficeTime office, AuditWriter audit, ILogger<ReminderMailer> logger)
{
    /// <summary>Makes today's digests for the recipients that have something waiting; how many were made.</summary>
    public async Task<int> MakeDigestsAsync(DateTime now, CancellationToken ct)
    {
        var local = office.ToOffice(now);
        if (!mail.Enabled || local.Hour < options.DigestHour)
        {
            return 0;
        }
        var day = local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await using var db = await factory.CreateDbContextAsync(ct);
        var waiting = await db.Notifications.Where(n => n.DigestId == null && n.WithdrawnAt == null && n.ReadAt == null)
            .Select(n => new { n.Id, n.Recipient, Confidential = n.Case!.AccusedLeaders.Any() || n.Case.Conflicts.Any() }).ToListAsync(ct);
        // The office's and a village's mailboxes are shared, and anyone who reads them may be the official a complaint
        // accuses (or one who declared a conflict): such a case is reminded to them only in the app, where each reader's
        // own scope applies. A leader's digest is personal, and never names a case that accuses them (ReminderSweep).
        var groups = waiting.Where(w => !(w.Confidential && Recipients.RoleOf(w.Recipient) != Role.Leader))
            .GroupBy(w => w.Recipient, w => w.Id).ToList();
        if (groups.Count == 0)
        {
            return 0;
        }
        var mailboxes = await db.ReminderMailboxes.ToDictionaryAsync(m => m.Recipient, m => m.Address, ct);
        var made = await db.ReminderDigests.Where(d => d.Day == day).Select(d => d.Recipient).ToListAsync(ct);
        var count = 0;
        foreach (var group in groups.Where(g => !made.Contains(g.Key)))
        {
            var address = mailboxes.GetValueOrDefault(group.Key) ?? (group.Key == Recipients.Office ? mail.MailboxOf(Role.Office) : null);
            if (address is null)
            {
                continue;
            }
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var digest = new ReminderDigest { Recipient = group.Key, Day = day, Address = address, Status = DeliveryStatus.Pending, CreatedAt = now, NextAttemptAt = now };
            db.ReminderDigests.Add(digest);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another instance made this digest first.
                db.ChangeTracker.Clear();
                continue;
            }
            var ids = group.ToList();
            await db.Notifications.Where(n => ids.Contains(n.Id) && n.DigestId == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.DigestId, digest.Id), ct);
            await transaction.CommitAsync(ct);
            count++;
        }
        return count;
    }

    /// <summary>Sends every digest due that this instance can claim; how many were sent.</summary>
    public async Task<int> SendDueAsync(string instance, DateTime now, CancellationToken ct)
    {
        if (!mail.Enabled)
        {
            return 0;
        }
        var sent = 0;
        while (await ClaimNextAsync(instance, now, ct) is { } digest)
        {
            string? error = null;
            try
            {
                if (await SendAsync(digest, now, ct))
                {
                    sent++;
                }
                else
                {
                    error = Withdrawn;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                logger.LogWarning(e, "Reminder digest {Digest} to {Address} failed on attempt {Attempt}.", digest.Id, digest.Address, digest.Attempts);
                error = MailOptions.Describe(e);
            }
            await RecordAsync(digest, instance, now, error, ct);
        }
        return sent;
    }

    private const string Withdrawn = "Every reminder in it was withdrawn before it was sent; nothing was mailed.";

    private async Task<ReminderDigest?> ClaimNextAsync(string instance, DateTime now, CancellationToken ct)
    {
        var until = now.AddSeconds(mail.TimeoutSeconds * 3);
        await using var db = await factory.CreateDbContextAsync(ct);
        return await Claims.ClaimNextAsync<ReminderDigest>(db,
            d => (d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now) || (d.Status == DeliveryStatus.Sending && d.ClaimedUntil < now),
            d => d.NextAttemptAt,
            s => s
                .SetProperty(d => d.Status, DeliveryStatus.Sending)
                .SetProperty(d => d.ClaimedBy, instance)
                .SetProperty(d => d.ClaimedUntil, until)
                .SetProperty(d => d.Attempts, d => d.Attempts + 1),
            ct);
    }

    /// <summary>Sends the digest's reminders still live; false when every one was withdrawn meanwhile (nothing is sent).</summary>
    private async Task<bool> SendAsync(ReminderDigest digest, DateTime now, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var items = await db.Notifications.Where(n => n.DigestId == digest.Id && n.WithdrawnAt == null)
            .OrderBy(n => n.DueAt).ThenBy(n => n.CaseId)
            .Select(n => new DigestLine(n.CaseId, n.Case!.Number, n.Case.Title, n.Step, n.Kind, n.DueAt,
                n.PlanStepId == null ? null : db.CasePlanSteps.Where(s => s.Id == n.PlanStepId).Select(s => s.Description).FirstOrDefault()))
            .ToListAsync(ct);
        if (items.Count == 0)
        {
            return false;
        }
        var role = Recipients.RoleOf(digest.Recipient);
        var caseIds = items.Select(i => i.CaseId).Distinct().ToList();
        var petitioners = (await db.CasePetitioners.Where(p => caseIds.Contains(p.CaseId))
            .OrderBy(p => p.PetitionerId).Select(p => new { p.CaseId, p.PetitionerId, p.Petitioner!.Name }).ToListAsync(ct))
            .ToLookup(p => p.CaseId);
        var shows = PersonalDataPolicy.MayReadPersonalData(role);
        var message = new MimeMessage { MessageId = $"reminder-digest-{digest.Id}@petitiongraph", Date = now, Subject = $"信访待办提醒（{digest.Day}）：{items.Count} 项" };
        message.From.Add(MailboxAddress.Parse(mail.Sender));
        message.To.Add(MailboxAddress.Parse(digest.Address));
        message.Body = new TextPart("plain")
        {
            Text = DigestText.Body(digest.Day, items, id => petitioners[id].Select(p => shows ? p.Name : PersonalDataPolicy.MaskName(p.Name)), now, office, mail.BaseUrl),
        };
        if (shows)
        {
            // Names leave the service in this message: audited before it is sent, and not sent if that fails.
            await audit.WriteAsync([new AuditEntry
            {
                At = now,
                Actor = "mail:" + digest.Address,
                Role = EnumNames.Name(role),
                Action = "MAIL",
                PetitionerIds = [.. petitioners.SelectMany(p => p).Select(p => p.PetitionerId).Distinct().Order()],
                Subject = $"ReminderDigest:{digest.Id}",
                Fields = "name",
                Operation = "reminder digest",
            }]);
        }
        await mail.SendAsync(message, ct);
        return true;
    }

    private async Task RecordAsync(ReminderDigest digest, string instance, DateTime now, string? error, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var mine = await db.ReminderDigests.AsTracking().FirstOrDefaultAsync(d => d.Id == digest.Id && d.ClaimedBy == instance && d.Status == DeliveryStatus.Sending, ct);
        if (mine is null)
        {
            return;
        }
        mine.ClaimedUntil = null;
        mine.Error = error?[..Math.Min(error.Length, 4000)];
        if (error is null or Withdrawn)
        {
            mine.Status = DeliveryStatus.Sent;
            mine.SentAt = error is null ? now : null;
        }
        else if (mine.Attempts >= mail.MaxAttempts)
        {
            mine.Status = DeliveryStatus.Failed;
            logger.LogError("Reminder digest {Digest} to {Address} failed for good after {Attempts} attempts: {Error}", mine.Id, mine.Address, mine.Attempts, error);
        }
        else
        {
            mine.Status = DeliveryStatus.Pending;
            mine.NextAttemptAt = mail.RetryAt(now, mine.Attempts);
        }
        await db.SaveChangesAsync(ct);
    }
}
