using GraphQL.Types;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.GraphQL.DataLoading;
using PetitionGraph.Api.GraphQL.Projection;
using PetitionGraph.Api.GraphQL.Relay;
using PetitionGraph.Api.Villages;

namespace PetitionGraph.Api.Leaders;

public sealed class LeaderType : ObjectGraphType<Leader>
{
    private static readonly LinkQuery<LeaderAssignment> Assignments = new("Leader.assignments", (db, ids, _) => db.LeaderAssignments
        .Where(a => ids.Contains(a.LeaderId))
        .OrderBy(a => a.From).ThenBy(a => a.Id)
        .Select(a => new Linked<LeaderAssignment> { ParentId = a.LeaderId, Item = a }));

    public LeaderType()
    {
        this.NodeId("Leader");
        Description = "包案领导: an official who can be made answerable for cases.";
        Field(l => l.Name).Description("领导 name.");
        Field(l => l.Title).Description("职务: the leader's post, e.g. 党委副书记.");
        Field(l => l.Level).Description("镇级 (town) or 村级 (village).");
        Field(l => l.Active).Description("false once deactivated: kept for history, no new assignments.");
        Field<VillageType>("village").Description("For village-level leaders: their village.")
            .Reads(nameof(Leader.VillageId)).Joins(nameof(Leader.Village))
            .Resolve(c => c.JoinedOrLoaded(c.Source.Village, c.Source.VillageId));
        this.Connection<Leader, CaseType, Case>("cases", "Cases this leader is answerable for now (current assignments).")
            .Resolve(c => c.LoadConnection("cases", (Leader l) => l.Assignments.Where(a => a.To == null).Select(a => a.Case!)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LeaderAssignmentType>>>>("assignments")
            .Description("Every assignment of this leader, current and ended, oldest first.")
            .Resolve(c => c.LoadMany(Assignments, c.Source.Id));
    }
}
