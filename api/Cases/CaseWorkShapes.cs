using PetitionGraph.Api.GraphQL.Filtering;

namespace PetitionGraph.Api.Cases;

/// <summary>A plan step as a filter sees it: <c>plan: { some: { done: false, dueAt: { lt: … } } }</c>.</summary>
public sealed class CasePlanStepShape : QueryShape<CasePlanStep>
{
    public CasePlanStepShape() : base("CasePlanStep")
    {
        String("description", s => s.Description, sortable: false);
        String("owner", s => s.Owner);
        DateTime("dueAt", s => s.DueAt);
        DateTime("doneAt", s => s.DoneAt);
        Boolean("done", s => s.DoneAt != null, "The step is done.");
    }
}

/// <summary>A record of the case's work as a filter sees it: <c>activities: { some: { kind: { eq: HEARING } } }</c>.</summary>
public sealed class CaseActivityShape : QueryShape<CaseActivity>
{
    public CaseActivityShape() : base("CaseActivity")
    {
        DateTime("at", a => a.At);
        Enum("kind", a => a.Kind);
        String("actor", a => a.Actor);
    }
}
