using GraphQL.Types;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.GraphQL.DataLoading;
using PetitionGraph.Api.GraphQL.Projection;
using PetitionGraph.Api.GraphQL.Relay;

namespace PetitionGraph.Api.Petitions;

public sealed class PetitionType : ObjectGraphType<Petition>
{
    public PetitionType()
    {
        this.NodeId("Petition");
        Description = "信访: one letter, visit, call or online submission about a case.";
        Field(p => p.ReceivedAt).Description("When the petition was received; time limits run from the first one.");
        Field(p => p.Channel).Description("信访渠道: letter, visit, phone, online or mobile app.");
        Field(p => p.Level).Description("Where it was registered: TOWN … NATIONAL (越级访 above TOWN).");
        Field(p => p.PeopleCount).Description("People who came or signed; collective (集体访) at 5 or more.");
        Field(p => p.ReferredFrom, nullable: true).Description("交办: the higher office that referred it down, if any.");
        Field(p => p.IsFirst).Description("初信初访: this petition opened its case; otherwise a repeat petition.");
        Field<CaseType>("case").Description("The case this petition concerns; null when you may not see it.").Reads(nameof(Petition.CaseId)).Resolve(c => c.LoadById<Case>(c.Source.CaseId));
    }
}
