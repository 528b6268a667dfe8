using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Leaders;
using PetitionGraph.Reporting;

namespace PetitionGraph.Api.Reports;

/// <summary>The 领导包案台账's rows, for the report and the ledger export alike.</summary>
public sealed partial class ReportDataBuilder
{
    /// <summary>
    /// The cases <paramref name="cases"/> selects (in the reader's scope), each as it stood at <paramref name="at"/>:
    /// its status, the leaders who owned it at any time in [<paramref name="from"/>, <paramref name="at"/>] with their
    /// titles, its plan, its latest activity, and its next time limit — nothing that happened after. Residence is the
    /// petitioner's address for a reader who may read names, else the village. Also the petitioners listed, for audit.
    /// </summary>
    internal async Task<(List<OwnershipRow> Rows, List<int> Petitioners)> OwnershipAsync(
        Expression<Func<Case, bool>> cases, DateTime from, DateTime at, bool showsNames, CancellationToken ct)
    {
        // The cases' keys first, then each of their lists read by key and grouped here: as split queries, every list
        // joined the selection back to order it, each time over every case (~0.5 s a list at 1M cases).
        var ids = await db.Cases.Where(scope).Where(cases).Select(c => c.Id).ToListAsync(ct);
        var found = await db.Cases.Where(c => ids.Contains(c.Id))
            .OrderBy(c => c.OpenedAt).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Id,
                c.Number,
                c.Demand,
                Village = c.Village!.Name,
                // The status the case had then, not now: the last event before the instant that set one.
                // Scalars, each its own correlated subquery over the case's index: an object here becomes a window
                // function over every event of every case before the instant (3.7 s of the 台账 at 1M cases).
                StepKind = c.Events.AsQueryable().Where(CaseStatuses.SetsStatus).Where(e => e.At < at)
                    .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Select(e => (CaseEventKind?)e.Kind).FirstOrDefault(),
                StepAt = c.Events.AsQueryable().Where(CaseStatuses.SetsStatus).Where(e => e.At < at)
                    .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Select(e => (DateTime?)e.At).FirstOrDefault(),
                ActivityKind = c.Activities.Where(a => a.At < at).OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
                    .Select(a => (ActivityKind?)a.Kind).FirstOrDefault(),
                ActivityAt = c.Activities.Where(a => a.At < at).OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
                    .Select(a => (DateTime?)a.At).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var petitioners = (await db.CasePetitioners.Where(p => ids.Contains(p.CaseId)).OrderBy(p => p.PetitionerId)
            .Select(p => new { p.CaseId, p.PetitionerId, p.Petitioner!.Name, p.Petitioner.Address }).ToListAsync(ct)).ToLookup(p => p.CaseId);
        var leaders = (await db.LeaderAssignments.Where(a => ids.Contains(a.CaseId) && a.From <= at && (a.To == null || a.To > from))
            .OrderBy(a => a.From).ThenBy(a => a.Id)
            .Select(a => new { a.CaseId, a.Role, a.Leader!.Name, a.Leader.Title }).ToListAsync(ct)).ToLookup(a => a.CaseId);
        var plans = (await db.CasePlanSteps.Where(s => ids.Contains(s.CaseId) && s.CreatedAt < at).OrderBy(s => s.Position).ThenBy(s => s.Id)
            .Select(s => new { s.CaseId, s.Description, s.DueAt, Done = s.DoneAt != null && s.DoneAt < at }).ToListAsync(ct)).ToLookup(s => s.CaseId);
        // Statutory limits still open then (the petitioner's evaluation window is not the office's limit).
        var limits = (await db.CaseDeadlines.Where(d => ids.Contains(d.CaseId) && d.Step != DeadlineStep.Evaluation && (d.MetAt == null || d.MetAt > at))
            .Select(d => new { d.CaseId, d.Step, d.DueAt }).ToListAsync(ct)).ToLookup(d => d.CaseId);

        var rows = new List<OwnershipRow>(found.Count);
        foreach (var c in found)
        {
            var status = CaseStatuses.After(c.StepKind ?? CaseEventKind.Registered) ?? CaseStatus.Registered;
            // A limit only counts while its step is the one under way then (a conclusion limit from an acceptance made
            // later did not exist yet); plan steps not done by then count as the office's own limits.
            var plan = plans[c.Id].ToList();
            var open = limits[c.Id].Where(l => (l.Step == DeadlineStep.Notice && status == CaseStatus.Registered)
                    || (l.Step == DeadlineStep.Conclusion && status == CaseStatus.Accepted)).Select(l => l.DueAt)
                .Concat(plan.Where(s => !s.Done && status is not (CaseStatus.Resolved or CaseStatus.Terminated or CaseStatus.Declined)).Select(s => s.DueAt))
                .Order().ToList();
            var next = open.Count > 0 ? open[0] : (DateTime?)null;
            var overdue = next is { } due && due < at;
            var resolved = status == CaseStatus.Resolved && c.StepAt >= from;
            var town = leaders[c.Id].Where(l => l.Role == AssignmentRole.TownLead).Select(l => Titled(l.Name, l.Title)).Distinct();
            var village = leaders[c.Id].Where(l => l.Role == AssignmentRole.VillageLead).Select(l => Titled(l.Name, l.Title)).Distinct();
            var row = new OwnershipRow(
                rows.Count + 1,
                c.Number,
                string.Join("、", petitioners[c.Id].Select(p => showsNames ? p.Name : PersonalDataPolicy.MaskName(p.Name))),
                showsNames ? petitioners[c.Id].Select(p => p.Address).FirstOrDefault(a => !string.IsNullOrEmpty(a)) ?? c.Village : c.Village,
                c.Demand,
                string.Join("、", town),
                string.Join("、", village),
                string.Join("；", plan.Select((s, i) => $"{i + 1}. {s.Description}（{Day(s.DueAt)}前{(s.Done ? "，已完成" : "")}）")),
                Progress(status, c.StepAt, c.ActivityKind, c.ActivityAt),
                next is { } limit ? office.ToOffice(limit).Date : null,
                "")
            { Overdue = overdue, Resolved = resolved };
            rows.Add(row with { Remarks = OwnershipLedger.Remarks(row) });
        }
        return (rows, found.SelectMany(c => petitioners[c.Id].Select(p => p.PetitionerId)).Distinct().ToList());
    }

    /// <summary>The backlog cases of a period: in the backlog at some instant of [from, at).</summary>
    internal static Expression<Func<Case, bool>> InBacklogDuring(DateTime from, DateTime at) =>
        c => c.BacklogIntervals.Any(i => i.EnteredAt < at && (i.LeftAt == null || i.LeftAt > from));

    private static string Titled(string name, string title) => string.IsNullOrWhiteSpace(title) ? name : $"{name}（{title}）";

    private string Day(DateTime instant)
    {
        var local = office.ToOffice(instant);
        return string.Create(CultureInfo.InvariantCulture, $"{local.Month}月{local.Day}日");
    }

    private string Progress(CaseStatus status, DateTime? since, ActivityKind? activity, DateTime? activityAt)
    {
        var text = StatusName(status) + (since is { } at && status != CaseStatus.Registered ? $"（{Day(at)}）" : "");
        return activity is { } kind ? $"{text}；最近：{ActivityName(kind)}（{Day(activityAt!.Value)}）" : text;
    }

    internal static string ActivityName(ActivityKind kind) => kind switch
    {
        ActivityKind.CoordinationMeeting => "协调会办",
        ActivityKind.Reply => "再次答复",
        ActivityKind.Negotiation => "协商调处",
        ActivityKind.Hearing => "评查听证",
        ActivityKind.OnlineRegistration => "网上登记",
        ActivityKind.Visit => "走访",
        ActivityKind.Instruction => "领导批示",
        ActivityKind.Supervision => "领导督办",
        ActivityKind.Reception => "领导接访",
        _ => "帮扶",
    };
}
