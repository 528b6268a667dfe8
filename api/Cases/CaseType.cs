using GraphQL.Types;
using PetitionGraph.Api.Categories;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.DataLoading;
using PetitionGraph.Api.GraphQL.Projection;
using PetitionGraph.Api.GraphQL.Relay;
using PetitionGraph.Api.GraphQL.Scalars;
using PetitionGraph.Api.Leaders;
using PetitionGraph.Api.Petitioners;
using PetitionGraph.Api.Petitions;
using PetitionGraph.Api.Settlement;
using PetitionGraph.Api.Teams;
using PetitionGraph.Api.Units;
using PetitionGraph.Api.Villages;

namespace PetitionGraph.Api.Cases;

public sealed class CaseType : ObjectGraphType<Case>
{
    public CaseType()
    {
        this.NodeId("Case");
        Description = "信访事项: the matter. Many petitions may concern one case.";
        Field(c => c.Number).Description("Year and sequence, e.g. 2021-0042; unique, never reused.");
        Field(c => c.Title).Description("标题: a short title of the matter.");
        Field(c => c.Demand).Description("诉求: what the petitioners ask for.");
        Field(c => c.Status).Description("Derived from the last events.");
        Field(c => c.OpenedAt).Description("When the first petition was received.");
        Field(c => c.AcceptDueAt).Description("告知 deadline: accept or decline by then (15 days by default).");
        Field(c => c.AcceptedAt, nullable: true).Description("受理: when the case was accepted; null until then.");
        Field(c => c.ConcludeDueAt, nullable: true).Description("办结 deadline: 60 days after acceptance, plus an approved extension.");
        Field(c => c.ConcludedAt, nullable: true).Description("When the written reply was given.");
        Field(c => c.ResolvedAt, nullable: true).Description("化解: when the matter was settled.");
        Field(c => c.TerminatedAt, nullable: true).Description("终结: when handling ended after the second review; null unless terminated.");
        Field(c => c.RepliedAt, nullable: true).Description("The last written answer; review and evaluation windows run from it.");
        Field(c => c.NextDueAt, nullable: true).Description("Due instant of the step now pending (notice, conclusion, review answer).");
        Field(c => c.Extended).Description("The one permitted extension has been granted.");
        Field<NonNullGraphType<BooleanGraphType>>("overdue")
            .Description("The pending step is past its due instant.")
            .Reads(nameof(Case.NextDueAt))
            .Resolve(c => c.Source.OverdueAt(c.QueryContext().Now));
        Field<NonNullGraphType<IntGraphType>>("daysOverdue")
            .Description("Calendar days (office time zone) since the pending step fell due; 0 when not overdue.")
            .Reads(nameof(Case.NextDueAt))
            .Resolve(c => c.Source.OverdueAt(c.QueryContext().Now)
                ? c.RequestServices!.GetRequiredService<OfficeTime>().CalendarDaysBetween(c.Source.NextDueAt!.Value, c.QueryContext().Now)
                : 0);
        Field<DateTimeScalar>("backlogSince")
            .Description("When the case entered the backlog, once it has (null before: never a future instant).")
            .Reads(nameof(Case.BacklogSince))
            .Resolve(c => CaseRules.BacklogSinceOf(c.Source, c.QueryContext().Now));
        Field(c => c.BacklogUntil, nullable: true).Description("When it left the backlog (resolved or terminated).");
        Field<NonNullGraphType<BooleanGraphType>>("inBacklog")
            .Description("积案 now: designated or overdue, and not resolved or terminated.")
            .Reads(nameof(Case.BacklogSince), nameof(Case.BacklogUntil))
            .Resolve(c => c.Source.InBacklogAt(c.QueryContext().Now));
        Field<IntGraphType>("keyClass")
            .Description("五类 key-case class 1–5 now, if one applies (lowest wins): 1 ≥10 national registrations; 2 5–9 national or a city referral; 3 1–4 national; 4 unresolved two years or more; 5 collective at national level or ≥3 at province level.")
            .Reads(nameof(Case.PetitionKeyClass), nameof(Case.ResolvedAt), nameof(Case.TerminatedAt), nameof(Case.OpenedAt))
            .Resolve(c => c.RequestServices!.GetRequiredService<KeyClassRules>().At(c.Source, c.QueryContext().Now));
        Field(c => c.LastPetitionAt).Description("When the latest petition on this case was received.");
        Field(c => c.PetitionCount).Description("信访次数: petitions received on this case, the first included.");
        Field(c => c.HighLevelPetitionCount).Description("Petitions registered at PROVINCE or NATIONAL level.");
        Field(c => c.Version).Description("Changes with every update; pass it back as expectedVersion.");
        AddRelations();
    }

    // The folded lists: each written once, for its batch loader and for the fold of a root page alike.
    private static readonly ShortList<Case, CasePetitioner, Petitioner> Petitioners = new("Case.petitioners",
        db => db.CasePetitioners, cp => cp.CaseId, k => k.Petitioners,
        (items, _) => items.OrderBy(cp => cp.PetitionerId),
        cp => cp.Petitioner!);

    private static readonly ShortList<Case, Petition, Petition> Petitions = new("Case.petitions",
        db => db.Petitions, p => p.CaseId, k => k.Petitions,
        (items, _) => items.OrderBy(p => p.ReceivedAt).ThenBy(p => p.Id),
        p => p);

    private static readonly ShortList<Case, LeaderAssignment, Leader> CurrentLeaders = new("Case.leaders",
        db => db.LeaderAssignments, a => a.CaseId, k => k.Assignments,
        (items, now) => items.Where(a => a.To == null || a.To > now).OrderBy(a => a.Role).ThenBy(a => a.From).ThenBy(a => a.Id),
        a => a.Leader!);

    private static readonly LinkQuery<LeaderAssignment> Assignments = new("Case.assignments", (db, ids, _) => db.LeaderAssignments
        .Where(a => ids.Contains(a.CaseId))
        .OrderBy(a => a.From).ThenBy(a => a.Id)
        .Select(a => new Linked<LeaderAssignment> { ParentId = a.CaseId, Item = a }));

    private static readonly LinkQuery<CaseActivity> Activities = new("Case.activities", (db, ids, _) => db.CaseActivities
        .Where(a => ids.Contains(a.CaseId))
        .OrderBy(a => a.At).ThenBy(a => a.Id)
        .Select(a => new Linked<CaseActivity> { ParentId = a.CaseId, Item = a }));

    private static readonly LinkQuery<CasePlanStep> Plan = new("Case.plan", (db, ids, _) => db.CasePlanSteps
        .Where(s => ids.Contains(s.CaseId) && s.SupersededAt == null)
        .OrderBy(s => s.Position)
        .Select(s => new Linked<CasePlanStep> { ParentId = s.CaseId, Item = s }));

    private static readonly LinkQuery<Evaluation> Evaluations = new("Case.evaluations", (db, ids, _) => db.Evaluations
        .Where(e => ids.Contains(e.CaseId))
        .OrderBy(e => e.At).ThenBy(e => e.Id)
        .Select(e => new Linked<Evaluation> { ParentId = e.CaseId, Item = e }));

    private void AddRelations()
    {
        Field<NonNullGraphType<CategoryType>>("category").Description("领域: the domain category.").Reads(nameof(Case.CategoryId)).Joins(nameof(Case.Category))
            .Resolve(c => c.JoinedOrLoaded(c.Source.Category, c.Source.CategoryId));
        Field<NonNullGraphType<VillageType>>("village").Description("属地: the village or community the matter concerns.").Reads(nameof(Case.VillageId)).Joins(nameof(Case.Village))
            .Resolve(c => c.JoinedOrLoaded(c.Source.Village, c.Source.VillageId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PetitionerType>>>>("petitioners").Description("信访人: the people who petitioned on this case. Personal data, masked unless your role needs it.")
            .Folds<Case, object, Petitioner>(Petitioners.Query.Name, Petitioners.Fold)
            .Resolve(c => c.LoadMany(Petitioners.Query, c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PetitionType>>>>("petitions")
            .Description("Every petition on this case, oldest first.")
            .Folds<Case, object, Petition>(Petitions.Query.Name, Petitions.Fold)
            .Resolve(c => c.LoadMany(Petitions.Query, c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LeaderAssignmentType>>>>("assignments")
            .Description("包案 assignments, current and ended, oldest first.")
            .Resolve(c => c.LoadMany(Assignments, c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LeaderType>>>>("leaders")
            .Description("Leaders answerable for this case now: town lead(s) first, then the village lead.")
            .Folds<Case, object, Leader>(CurrentLeaders.Query.Name, CurrentLeaders.Fold)
            .Resolve(c => c.LoadMany(CurrentLeaders.Query, c.Source.Id));
        this.Connection<Case, CaseEventType, CaseEvent>("events", "The case's history, oldest first unless ordered otherwise.")
            .Resolve(c => c.LoadConnection("events", (Case k) => k.Events));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CaseActivityType>>>>("activities")
            .Description("The task team's records, oldest first.")
            .Resolve(c => c.LoadMany(Activities, c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CasePlanStepType>>>>("plan")
            .Description("一案一策: the current plan's steps, in order.")
            .Resolve(c => c.LoadMany(Plan, c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EvaluationType>>>>("evaluations").Description("满意度评价: the petitioner's evaluations of the replies, oldest first.")
            .Resolve(c => c.LoadMany(Evaluations, c.Source.Id));
        this.AddReferralField();
        this.AddTeamFields();
        this.AddSettlementFields();
    }
}
