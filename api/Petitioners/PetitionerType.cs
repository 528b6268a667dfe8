using GraphQL.Types;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.DataLoading;
using PetitionGraph.Api.GraphQL.Projection;
using PetitionGraph.Api.GraphQL.Relay;
using PetitionGraph.Api.Villages;

namespace PetitionGraph.Api.Petitioners;

public sealed class PetitionerType : ObjectGraphType<Petitioner>
{
    public PetitionerType()
    {
        this.NodeId("Petitioner");
        Description = "信访人. Name, ID number, phone and address are personal data.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("Personal data: masked (张*) unless your role may read it.").IsPersonalData()
            .Resolve(c => PersonalDataReads.Resolve(c, c.Source.Id, "name", c.Source.Name, PersonalDataPolicy.MaskName));
        Field<StringGraphType>("idNumber").Description("Personal data: resident ID number; null unless your role may read it.").IsPersonalData()
            .Resolve(c => PersonalDataReads.Resolve(c, c.Source.Id, "idNumber", c.Source.IdNumber));
        Field<StringGraphType>("phone").Description("Personal data; null unless your role may read it.").IsPersonalData()
            .Resolve(c => PersonalDataReads.Resolve(c, c.Source.Id, "phone", c.Source.Phone));
        Field<StringGraphType>("address").Description("Personal data: registered address (户籍地); null unless your role may read it.").IsPersonalData()
            .Resolve(c => PersonalDataReads.Resolve(c, c.Source.Id, "address", c.Source.Address));
        Field<VillageType>("village").Description("Where the petitioner lives, if in the town.").Reads(nameof(Petitioner.VillageId)).Joins(nameof(Petitioner.Village))
            .Resolve(c => c.JoinedOrLoaded(c.Source.Village, c.Source.VillageId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CaseType>>>>("cases")
            .Description("Every case this petitioner is a party to, newest first.")
            .Resolve(c =>
            {
                var scope = c.Scope().Cases;
                return c.LoadMany("Petitioner.cases", c.Source.Id, (db, ids) => db.Cases.Where(scope)
                    .SelectMany(k => k.Petitioners.Where(cp => ids.Contains(cp.PetitionerId)),
                        (k, cp) => new Linked<Case> { ParentId = cp.PetitionerId, Item = k })
                    .OrderByDescending(l => l.Item.OpenedAt).ThenByDescending(l => l.Item.Id));
            });
    }
}
