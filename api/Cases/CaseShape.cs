using PetitionGraph.Api.Categories;
using PetitionGraph.Api.GraphQL.Filtering;
using PetitionGraph.Api.Leaders;
using PetitionGraph.Api.Petitioners;
using PetitionGraph.Api.Petitions;
using PetitionGraph.Api.Villages;

namespace PetitionGraph.Api.Cases;

public sealed class CaseShape : QueryShape<Case>
{
    public CaseShape() : base("Case")
    {
        String("number", c => c.Number);
        String("title", c => c.Title);
        String("demand", c => c.Demand, sortable: false);
        Enum("status", c => c.Status);
        DateTime("openedAt", c => c.OpenedAt);
        DateTime("acceptDueAt", c => c.AcceptDueAt);
        DateTime("acceptedAt", c => c.AcceptedAt);
        DateTime("concludeDueAt", c => c.ConcludeDueAt);
        DateTime("concludedAt", c => c.ConcludedAt);
        DateTime("resolvedAt", c => c.ResolvedAt);
        DateTime("terminatedAt", c => c.TerminatedAt);
        ComputedDateTime("backlogSince", q => CaseRules.Now(CaseRules.BacklogSinceAt, q));
        DateTime("nextDueAt", c => c.NextDueAt);
        Computed("overdue", q => CaseRules.Now(CaseRules.Overdue, q), "The pending step is past its due instant.");
        Computed("inBacklog", InBacklog, "积案 now: designated or overdue, and not resolved or terminated.");
        ComputedInt("keyClass", q => q.KeyClasses.AsOf(q.Now), "五类 key-case class 1–5 now, if one applies.");
        FromBaseline("keyClassSince", (q, since) => q.KeyClasses.Since(q.Now, since),
            "五类 key-case class now, counting only the petitions received since a baseline date (a campaign's): the list that keyCases(since:) counts.");
        DateTime("lastPetitionAt", c => c.LastPetitionAt);
        Int("petitionCount", c => c.PetitionCount);
        Int("highLevelPetitionCount", c => c.HighLevelPetitionCount);
        Relation<Category>("category", c => c.Category);
        Relation<Village>("village", c => c.Village);
        Many<Petitioner>("petitioners", c => c.Petitioners.Select(cp => cp.Petitioner!));
        Many<Petition>("petitions", c => c.Petitions);
        Many<LeaderAssignment>("assignments", c => c.Assignments);
        Many<CaseEvent>("events", c => c.Events);
        Many<Evaluation>("evaluations", c => c.Evaluations);
        // The current plan (一案一策) and the task team's records: `plan: { any: false }` is a case without a plan.
        Many<CasePlanStep>("plan", c => c.PlanSteps.Where(s => s.SupersededAt == null));
        Many<CaseActivity>("activities", c => c.Activities);
        Many<Campaigns.Campaign>("campaigns", c => c.CampaignCases.Select(k => k.Campaign!), "专项行动: the campaigns whose case list holds it.");
        Relation<Teams.Team>("team", c => c.Team, "专班: the task team working the case.");
        Relation<Settlement.SettlementWay>("settlementWay", c => c.SettlementWay, "化解方式: how it was settled.");
        Enum("assistanceKind", c => c.AssistanceKind, "救助: the kind of hardship assistance given on settlement.");
        EnumSet<ActivityKind>("missingRecords", Teams.FiveRecords.Lacks, Teams.FiveRecords.LacksAny(),
            "五个有: the records of the five its task team lacks — `{ any: true }` lists the team cases missing any, `{ includes: HEARING }` those without a hearing's conclusion.");
    }

    public static System.Linq.Expressions.Expression<Func<Case, bool>> InBacklog(QueryContext query) => CaseRules.Now(CaseRules.InBacklog, query);
}
