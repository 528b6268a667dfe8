using PetitionGraph.Api.GraphQL.Filtering;
using PetitionGraph.Api.Villages;

namespace PetitionGraph.Api.Leaders;

public sealed class LeaderShape : QueryShape<Leader>
{
    public LeaderShape() : base("Leader")
    {
        GlobalId(l => l.Id);
        String("name", l => l.Name);
        String("title", l => l.Title);
        Enum("level", l => l.Level);
        Boolean("active", l => l.Active);
        Relation<Village>("village", l => l.Village);
        Many<LeaderAssignment>("assignments", l => l.Assignments);
    }
}
