using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.Work;

namespace PetitionGraph.Api.Reminders;

/// <summary>
/// Makes the reminders the pending steps call for now, and withdraws those whose step is done. Every step due within
/// the thresholds or overdue within the look-back window is reminded to its village's handlers and to each leader who
/// owns the case now — never to a leader the case accuses or who declared a conflict with it — a referral to its unit,
/// and, once it is
/// <see cref="ReminderOptions.EscalateAfterDays"/> overdue, to the office. Each reminder exists once: instances racing
/// insert the same keys, the unique index lets one transaction through and the other rolls back whole.
/// </summary>
public sealed class ReminderSweep(IDbContextFactory<PetitionDbContext> factory, ReminderOptions options, OfficeTime office, ILogger<ReminderSweep> logger)
{
    /// <summary>A pending step: the case's own, a plan step, or a referral (then <paramref name="Unit"/> answers it, not the village).</summary>
    private sealed record Step(int CaseId, int? PlanStepId, WorkKind Kind, DateTime DueAt, string Village, int? ReferralId = null, string? Unit = null);

    /// <summary>Adds the reminders due at <paramref name="now"/> that do not exist yet; how many were added.</summary>
    public async Task<int> MakeAsync(DateTime now, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var from = now.AddDays(-options.LookbackDays);
        var ahead = options.DaysBefore.Count == 0 ? 0 : options.DaysBefore[0];
        var until = office.FromOffice(office.ToOffice(now).Date.AddDays(ahead + 1));
        var caseSteps = await db.Cases.Where(c => c.NextDueAt >= from && c.NextDueAt < until)
            .Select(c => new { c.Id, c.Status, Due = c.NextDueAt!.Value, c.Village!.Code }).ToListAsync(ct);
        var planSteps = await db.CasePlanSteps.Where(PendingWork.OpenPlanStep).Where(s => s.DueAt >= from && s.DueAt < until)
            .Select(s => new { s.Id, s.CaseId, s.DueAt, s.Case!.Village!.Code }).ToListAsync(ct);
        var referrals = await db.Referrals.Where(Units.Referral.Open).Where(r => r.DueAt >= from && r.DueAt < until)
            .Select(r => new { r.Id, r.CaseId, r.DueAt, Village = r.Case!.Village!.Code, Unit = r.Unit!.Code }).ToListAsync(ct);
        var steps = caseSteps.Select(c => new Step(c.Id, null, PendingWork.KindOf(c.Status), c.Due, c.Code))
            .Concat(planSteps.Select(s => new Step(s.CaseId, s.Id, WorkKind.PlanStep, s.DueAt, s.Code)))
            .Concat(referrals.Select(r => new Step(r.CaseId, null, WorkKind.Referral, r.DueAt, r.Village, r.Id, r.Unit)))
            .OrderBy(s => s.DueAt).ThenBy(s => s.CaseId).ThenBy(s => s.PlanStepId).ThenBy(s => s.ReferralId).ToList();
        if (steps.Count == 0)
        {
            return 0;
        }
        var caseIds = steps.Select(s => s.CaseId).Distinct().ToList();
        // A leader is reminded only of the cases they own now and may see (DESIGN §2: never one that accuses them).
        var owners = (await db.LeaderAssignments
            .Where(a => a.To == null && caseIds.Contains(a.CaseId)
                && !a.Case!.AccusedLeaders.Any(x => x.LeaderId == a.LeaderId) && !a.Case.Conflicts.Any(x => x.LeaderId == a.LeaderId))
            .Select(a => new { a.CaseId, a.LeaderId }).Distinct().ToListAsync(ct))
            .ToLookup(a => a.CaseId, a => a.LeaderId);
        var existing = (await db.Notifications.Where(n => caseIds.Contains(n.CaseId) && n.DueAt >= from)
            .Select(n => new { n.Recipient, n.Subject, n.DueAt, n.Kind, n.Threshold }).ToListAsync(ct))
            .Select(n => (n.Recipient, n.Subject, n.DueAt, n.Kind, n.Threshold)).ToHashSet();
        var added = new List<Notification>();
        foreach (var step in steps)
        {
            foreach (var (kind, threshold, recipients) in Reminders(step, now, owners[step.CaseId]))
            {
                var subject = step.ReferralId is { } referral ? $"REFERRAL:{referral}" : step.PlanStepId is { } plan ? $"PLAN:{plan}" : $"CASE:{step.CaseId}";
                foreach (var recipient in recipients)
                {
                    if (existing.Add((recipient, subject, step.DueAt, kind, threshold)))
                    {
                        added.Add(new Notification
                        {
                            Recipient = recipient,
                            CaseId = step.CaseId,
                            PlanStepId = step.PlanStepId,
                            ReferralId = step.ReferralId,
                            Step = step.Kind,
                            Subject = subject,
                            DueAt = step.DueAt,
                            Kind = kind,
                            Threshold = threshold,
                            CreatedAt = now,
                        });
                    }
                }
            }
        }
        if (added.Count == 0)
        {
            return 0;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Notifications.AddRange(added);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException e)
        {
            // Another instance made (some of) the same reminders first; its transaction stands, this one made none.
            logger.LogInformation("Reminders made by another instance at the same time ({Message}); none added here.", e.InnerException?.Message ?? e.Message);
            return 0;
        }
        return added.Count;
    }

    /// <summary>Which reminder a step calls for now, and to whom: the most urgent that applies (a missed threshold is not made late).</summary>
    private IEnumerable<(ReminderKind Kind, int Threshold, IReadOnlyList<string> To)> Reminders(Step step, DateTime now, IEnumerable<int> leaders)
    {
        // A referral waits on its unit alone; anything else on the village's handlers and the case's leaders.
        IReadOnlyList<string> handlers = step.Unit is { } unit ? [Recipients.Unit(unit)] : [Recipients.Village(step.Village), .. leaders.Select(Recipients.Leader)];
        var daysLeft = office.CalendarDaysBetween(now, step.DueAt);
        if (step.DueAt <= now)
        {
            yield return (ReminderKind.Overdue, 0, handlers);
            if (-daysLeft >= options.EscalateAfterDays)
            {
                yield return (ReminderKind.Escalated, 0, [Recipients.Office]);
            }
        }
        else if (daysLeft <= 0)
        {
            yield return (ReminderKind.DueToday, 0, handlers);
        }
        else if (options.DaysBefore.Where(d => d >= daysLeft).DefaultIfEmpty().Min() is > 0 and var threshold)
        {
            yield return (ReminderKind.DueSoon, threshold, handlers);
        }
    }

    /// <summary>
    /// Withdraws the live reminders whose step is done or moved (the case's due instant changed, the plan step was done
    /// or replaced, the case closed) — for one case inside a mutation's transaction, or for all in the background.
    /// </summary>
    public static Task<int> WithdrawDoneAsync(PetitionDbContext db, DateTime now, int? caseId, CancellationToken ct) =>
        db.Notifications
            .Where(n => n.WithdrawnAt == null && (caseId == null || n.CaseId == caseId))
            .Where(n => n.ReferralId != null ? !db.Referrals.Where(Units.Referral.Open).Any(r => r.Id == n.ReferralId && r.DueAt == n.DueAt)
                : n.PlanStepId != null ? !db.CasePlanSteps.Where(PendingWork.OpenPlanStep).Any(s => s.Id == n.PlanStepId && s.DueAt == n.DueAt)
                : n.Case!.NextDueAt == null || n.Case.NextDueAt != n.DueAt)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.WithdrawnAt, now), ct);
}
