using GraphQL.Types;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.Projection;
using PetitionGraph.Api.GraphQL.Relay;
using PetitionGraph.Api.GraphQL.Scalars;

namespace PetitionGraph.Api.Cases;

public sealed class CasePlanStepType : ObjectGraphType<CasePlanStep>
{
    public CasePlanStepType()
    {
        this.NodeId("CasePlanStep");
        Description = "一案一策: one step of the case's plan.";
        Field(s => s.Position).Description("Order within the plan, from 1.");
        Field(s => s.Description).Description("What is to be done.");
        Field(s => s.Owner).Description("Who is responsible.");
        Field(s => s.DueAt).Description("By when.");
        Field(s => s.DoneAt, nullable: true).Description("When it was marked done; null while open.");
        Field<NonNullGraphType<BooleanGraphType>>("overdue").Description("Not done and past its due instant.")
            .Reads(nameof(CasePlanStep.DoneAt), nameof(CasePlanStep.DueAt))
            .Resolve(c => c.Source.DoneAt is null && c.Source.DueAt < c.QueryContext().Now);
    }
}

/// <summary>One step of a new plan.</summary>
public sealed record PlanStepInput(string Description, string Owner, DateTime DueAt);

public sealed class CasePlanStepInputType : InputObjectGraphType<PlanStepInput>
{
    public CasePlanStepInputType()
    {
        Name = "CasePlanStepInput";
        Description = "一案一策: one step of a case's plan.";
        Field(x => x.Description, type: typeof(NonNullGraphType<StringGraphType>)).Description("What is to be done.");
        Field(x => x.Owner, type: typeof(NonNullGraphType<StringGraphType>)).Description("Who is responsible.");
        Field(x => x.DueAt, type: typeof(NonNullGraphType<DateTimeScalar>)).Description("By when.");
    }
}
