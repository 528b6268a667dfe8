using GraphQL.Types;
using PetitionGraph.Api.GraphQL.Relay;

namespace PetitionGraph.Api.Cases;

public sealed class CaseEventType : ObjectGraphType<CaseEvent>
{
    public CaseEventType()
    {
        this.NodeId("CaseEvent");
        Description = "One step of a case's history: append-only, never changed.";
        Field(e => e.At);
        Field(e => e.Kind);
        Field(e => e.Actor).Description("Who did it (staff account or system).");
        Field(e => e.Note, nullable: true);
    }
}

public sealed class CaseActivityType : ObjectGraphType<CaseActivity>
{
    public CaseActivityType()
    {
        this.NodeId("CaseActivity");
        Description = "A task-team record: meeting minutes, reply, negotiation, hearing, registration, visit, assistance.";
        Field(a => a.At);
        Field(a => a.Kind);
        Field(a => a.Summary);
        Field(a => a.Actor);
    }
}

public sealed class EvaluationType : ObjectGraphType<Evaluation>
{
    public EvaluationType()
    {
        this.NodeId("Evaluation");
        Description = "The petitioner's evaluation of a reply.";
        Field(e => e.At);
        Field(e => e.Result);
    }
}
