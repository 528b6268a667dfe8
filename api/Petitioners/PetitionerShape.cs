using PetitionGraph.Api.Cases;
using PetitionGraph.Api.GraphQL.Filtering;
using PetitionGraph.Api.Villages;

namespace PetitionGraph.Api.Petitioners;

public sealed class PetitionerShape : QueryShape<Petitioner>
{
    public PetitionerShape() : base("Petitioner")
    {
        PersonalString("name", p => p.Name, "Personal data.");
        PersonalString("idNumber", p => p.IdNumber, "Personal data: match a petitioner by ID number.", sortable: false);
        Relation<Village>("village", p => p.Village);
        Many<Case>("cases", p => p.Cases.Select(cp => cp.Case!));
    }
}
