using GraphQL.Types;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.DataLoading;
using PetitionGraph.Api.GraphQL.Projection;
using PetitionGraph.Api.GraphQL.Relay;

namespace PetitionGraph.Api.Leaders;

public sealed class LeaderAssignmentType : ObjectGraphType<LeaderAssignment>
{
    public LeaderAssignmentType()
    {
        this.NodeId("LeaderAssignment");
        Description = "包案: a leader made answerable for a case, from one instant until (optionally) another.";
        Field(a => a.Role).Description("包案 role: town lead or village lead.");
        Field(a => a.From).Description("When the leader became answerable for the case.");
        Field(a => a.To, nullable: true).Description("When the assignment ended (exclusive); null while it lasts.");
        Field<NonNullGraphType<BooleanGraphType>>("active").Description("The assignment holds now.").Reads(nameof(LeaderAssignment.To))
            .Resolve(c => c.Source.To is not { } to || to > c.QueryContext().Now);
        Field<NonNullGraphType<LeaderType>>("leader").Description("The leader answerable (包案领导).").Reads(nameof(LeaderAssignment.LeaderId)).Joins(nameof(LeaderAssignment.Leader))
            .Resolve(c => c.JoinedOrLoaded(c.Source.Leader, c.Source.LeaderId));
        Field<CaseType>("case").Description("The case; null when you may not see it.").Reads(nameof(LeaderAssignment.CaseId)).Resolve(c => c.LoadById<Case>(c.Source.CaseId));
    }
}
