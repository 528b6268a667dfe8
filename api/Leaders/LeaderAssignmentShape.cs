using PetitionGraph.Api.Cases;
using PetitionGraph.Api.GraphQL.Filtering;

namespace PetitionGraph.Api.Leaders;

public sealed class LeaderAssignmentShape : QueryShape<LeaderAssignment>
{
    public LeaderAssignmentShape() : base("LeaderAssignment")
    {
        Enum("role", a => a.Role);
        DateTime("from", a => a.From);
        DateTime("to", a => a.To);
        Computed("active", q => a => a.To == null || a.To > q.Now, "The assignment holds now.");
        Relation<Leader>("leader", a => a.Leader);
        Relation<Case>("case", a => a.Case);
    }
}
