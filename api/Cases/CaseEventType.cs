using GraphQL.Types;
using PetitionGraph.Api.GraphQL.Relay;

namespace PetitionGraph.Api.Cases;

public sealed class CaseEventType : ObjectGraphType<CaseEvent>
{
    public CaseEventType()
    {
        this.NodeId("CaseEvent");
        Description = "One step of a case's history: append-only, never changed.";
        Field(e => e.At).Description("When it happened (a backdated entry keeps the instant it states).");
        Field(e => e.Kind).Description("What happened.");
        Field(e => e.Actor).Description("Who did it (staff account or system).");
        Field(e => e.Note, nullable: true).Description("The note, reply or reason given with the step.");
    }
}

public sealed class CaseActivityType : ObjectGraphType<CaseActivity>
{
    public CaseActivityType()
    {
        this.NodeId("CaseActivity");
        Description = "A task-team record: meeting minutes, reply, negotiation, hearing, registration, visit, assistance.";
        Field(a => a.At).Description("When the activity took place.");
        Field(a => a.Kind).Description("Which of the task team's records this is.");
        Field(a => a.Summary).Description("纪要: what was done or agreed.");
        Field(a => a.Actor).Description("Who recorded it.");
    }
}

public sealed class EvaluationType : ObjectGraphType<Evaluation>
{
    public EvaluationType()
    {
        this.NodeId("Evaluation");
        Description = "The petitioner's evaluation of a reply.";
        Field(e => e.At).Description("When the petitioner gave the evaluation.");
        Field(e => e.Result).Description("满意 / 基本满意 / 不满意: the petitioner's verdict on the reply.");
    }
}
