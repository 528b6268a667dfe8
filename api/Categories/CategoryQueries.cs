using GraphQL.Types;
using PetitionGraph.Api.GraphQL.Relay;

namespace PetitionGraph.Api.Categories;

public static class CategoryQueries
{
    public static void AddCategoryQueries(this ObjectGraphType query) =>
        query.RootConnection<CategoryType, Category>("categories", "Domain categories.");
}
