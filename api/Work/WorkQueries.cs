using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.DataLoading;
using PetitionGraph.Api.GraphQL.Scalars;

namespace PetitionGraph.Api.Work;

public static class WorkQueries
{
    private const int DefaultFirst = 50;
    private const int MaxFirst = 500;

    public static void AddWorkQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<WorkItemType>>>>("myWork")
            .Description("待办: what waits on you, soonest due first — each case's pending step (acceptance, conclusion, a review's answer) and the open steps " +
                "of its plan — with the due instant and the days left on the office calendar. Over the cases you may see: the office the town's, a " +
                "village handler their villages', a leader the cases they own now; a UNIT its referrals not answered yet.")
            .RequireRoles(Role.Office, Role.VillageHandler, Role.Leader, Role.Unit)
            .Argument<IntGraphType>("first", $"At most this many (default {DefaultFirst}, at most {MaxFirst}).")
            .ResolveAsync(async c =>
            {
                var first = Math.Clamp(c.GetArgument("first", DefaultFirst), 1, MaxFirst);
                var cases = c.Db().Cases.Where(c.Scope().Cases);
                if (c.Scope().Caller is { Role: Role.Unit } unit)
                {
                    // A unit's work is its referrals not answered yet; the cases' own steps are the office's.
                    var referrals = await cases.SelectMany(k => k.Referrals).Where(r => r.Unit!.Code == unit.Unit).Where(Units.Referral.Open)
                        .OrderBy(r => r.DueAt).ThenBy(r => r.Id).Take(first)
                        .Select(r => new { r.CaseId, r.DueAt, r.Instructions, r.Part }).ToListAsync(c.CancellationToken);
                    return referrals.Select(r => new WorkItem(WorkKind.Referral, r.CaseId, r.DueAt, r.Part ?? r.Instructions, unit.Unit)).ToList();
                }
                // Two statements whatever the page: the pending steps, and the open plan steps of cases still open.
                var pending = await cases.Where(k => k.NextDueAt != null).OrderBy(k => k.NextDueAt).ThenBy(k => k.Id).Take(first)
                    .Select(k => new { k.Id, k.Status, Due = k.NextDueAt!.Value }).ToListAsync(c.CancellationToken);
                var plan = await cases.SelectMany(k => k.PlanSteps).Where(PendingWork.OpenPlanStep)
                    .OrderBy(s => s.DueAt).ThenBy(s => s.Id).Take(first)
                    .Select(s => new { s.CaseId, s.DueAt, s.Description, s.Owner }).ToListAsync(c.CancellationToken);
                return pending.Select(p => new WorkItem(PendingWork.KindOf(p.Status), p.Id, p.Due, null, null))
                    .Concat(plan.Select(s => new WorkItem(WorkKind.PlanStep, s.CaseId, s.DueAt, s.Description, s.Owner)))
                    .OrderBy(w => w.DueAt).ThenBy(w => w.CaseId).Take(first).ToList();
            });
    }
}

public sealed class WorkItemType : ObjectGraphType<WorkItem>
{
    public WorkItemType()
    {
        Name = "WorkItem";
        Description = "待办事项: a step waiting on you.";
        Field(w => w.Kind, type: typeof(NonNullGraphType<EnumType<WorkKind>>)).Description("What is to be done.");
        Field<NonNullGraphType<CaseType>>("case").Description("The case.").Resolve(c => c.LoadById<Case>(c.Source.CaseId));
        Field(w => w.DueAt, type: typeof(NonNullGraphType<DateTimeScalar>)).Description("By when.");
        Field<NonNullGraphType<IntGraphType>>("daysLeft").Description("Calendar days from today to the due day in office time; negative when overdue.")
            .Resolve(c => c.RequestServices!.GetRequiredService<OfficeTime>().CalendarDaysBetween(c.QueryContext().Now, c.Source.DueAt));
        Field<NonNullGraphType<BooleanGraphType>>("overdue").Description("The due instant has passed.").Resolve(c => c.Source.DueAt < c.QueryContext().Now);
        Field(w => w.Description, nullable: true).Description("A plan step's task, a referral's part (or instructions); null for a case's own step.");
        Field(w => w.Owner, nullable: true).Description("Who a plan step names as responsible, the unit's code for a referral; null for a case's own step.");
    }
}
