using PetitionGraph.Api.GraphQL.Filtering;

namespace PetitionGraph.Api.Units;

public sealed class UnitShape : QueryShape<ResponsibleUnit>
{
    public UnitShape() : base("ResponsibleUnit")
    {
        String("code", u => u.Code);
        String("name", u => u.Name);
        Boolean("active", u => u.Active);
    }
}
