using PetitionGraph.Api.GraphQL.Filtering;

namespace PetitionGraph.Api.Categories;

public sealed class CategoryShape : QueryShape<Category>
{
    public CategoryShape() : base("Category")
    {
        String("code", c => c.Code);
        String("nameZh", c => c.NameZh);
        String("nameEn", c => c.NameEn);
        Boolean("active", c => c.Active);
    }
}
