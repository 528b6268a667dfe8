using GraphQL.Types;
using PetitionGraph.Api.GraphQL.Mutations;

namespace PetitionGraph.Api.Categories;

public sealed record CreateCategoryInput(string Code, string NameZh, string NameEn) : IMutationInput<CreateCategoryInput>
{
    public static void Declare(InputObjectGraphType<CreateCategoryInput> type)
    {
        type.Field(x => x.Code, type: typeof(NonNullGraphType<StringGraphType>)).Description("Unique code, e.g. LAND.");
        type.Field(x => x.NameZh, type: typeof(NonNullGraphType<StringGraphType>));
        type.Field(x => x.NameEn, type: typeof(NonNullGraphType<StringGraphType>));
    }
}

public sealed record RenameCategoryInput(string CategoryId, string? NameZh, string? NameEn) : IMutationInput<RenameCategoryInput>
{
    public static void Declare(InputObjectGraphType<RenameCategoryInput> type)
    {
        type.Field(x => x.CategoryId, type: typeof(NonNullGraphType<IdGraphType>));
        type.Field(x => x.NameZh, type: typeof(StringGraphType));
        type.Field(x => x.NameEn, type: typeof(StringGraphType));
    }
}

public sealed record CategoryIdInput(string CategoryId) : IMutationInput<CategoryIdInput>
{
    public static void Declare(InputObjectGraphType<CategoryIdInput> type) =>
        type.Field(x => x.CategoryId, type: typeof(NonNullGraphType<IdGraphType>));
}
