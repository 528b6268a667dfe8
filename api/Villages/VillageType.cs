using GraphQL.Types;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.GraphQL.DataLoading;
using PetitionGraph.Api.GraphQL.Projection;
using PetitionGraph.Api.GraphQL.Relay;
using PetitionGraph.Api.Leaders;
using PetitionGraph.Api.Petitioners;

namespace PetitionGraph.Api.Villages;

public sealed class VillageType : ObjectGraphType<Village>
{
    private static readonly LinkQuery<Leader> Leaders = new("Village.leaders", (db, ids, _) => db.Leaders
        .Where(l => l.VillageId != null && ids.Contains(l.VillageId.Value))
        .OrderBy(l => l.Id)
        .Select(l => new Linked<Leader> { ParentId = l.VillageId!.Value, Item = l }));

    public VillageType()
    {
        this.NodeId("Village");
        Description = "村（社区）: a village or community of the town.";
        Field(v => v.Code).Description("Administrative code.");
        Field(v => v.Name).Description("村/社区 name as the office writes it.");
        Field(v => v.Kind).Description("村 (village) or 社区 (community).");
        Field(v => v.Active).Description("False once deactivated; kept because cases point to it.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("aliases")
            .Description("别名: other names an address may use for it — housing estates (示范苑), old names. Ledger import maps addresses through them.")
            .Reads(nameof(Village.Aliases))
            .Resolve(c => c.Source.AliasList);
        this.Connection<Village, CaseType, Case>("cases", "Cases of this village.")
            .Resolve(c => c.LoadConnection("cases", (Village v) => v.Cases));
        this.Connection<Village, PetitionerType, Petitioner>("petitioners", "Petitioners registered in this village.")
            .Resolve(c => c.LoadConnection("petitioners", (Village v) => v.Petitioners));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LeaderType>>>>("leaders")
            .Description("Village-level leaders of this village.")
            .Resolve(c => c.LoadMany(Leaders, c.Source.Id));
    }
}
