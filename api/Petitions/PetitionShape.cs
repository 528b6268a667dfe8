using PetitionGraph.Api.Cases;
using PetitionGraph.Api.GraphQL.Filtering;

namespace PetitionGraph.Api.Petitions;

public sealed class PetitionShape : QueryShape<Petition>
{
    public PetitionShape() : base("Petition")
    {
        DateTime("receivedAt", p => p.ReceivedAt);
        Enum("channel", p => p.Channel);
        Enum("level", p => p.Level, "Where the petition was registered: TOWN … NATIONAL (越级访 above TOWN).");
        Int("peopleCount", p => p.PeopleCount);
        Enum("referredFrom", p => p.ReferredFrom, "交办: the higher office that referred it down.");
        Boolean("isFirst", p => p.IsFirst, "初信初访: the petition that opened its case.");
        Relation<Case>("case", p => p.Case);
    }
}
