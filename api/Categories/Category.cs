using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.Categories;

/// <summary>领域: domain category of a case (editable reference data, not an enum).</summary>
public sealed class Category : IEntity
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    public bool Active { get; set; } = true;

    public List<Case> Cases { get; set; } = [];
}
