using PetitionGraph.Api.GraphQL.Filtering;

namespace PetitionGraph.Api.Villages;

public sealed class VillageShape : QueryShape<Village>
{
    public VillageShape() : base("Village")
    {
        String("code", v => v.Code);
        String("name", v => v.Name);
        Enum("kind", v => v.Kind);
        Boolean("active", v => v.Active);
    }
}
