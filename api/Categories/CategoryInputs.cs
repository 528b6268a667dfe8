using GraphQL.Types;
using PetitionGraph.Api.GraphQL.Mutations;

namespace PetitionGraph.Api.Categories;

public sealed record CreateCategoryInput(string Code, string NameZh, string NameEn) : IMutationInput<CreateCategoryInput>
{
    public static void Declare(InputObjectGraphType<CreateCategoryInput> type)
    {
        type.Field(x => x.Code, type: typeof(NonNullGraphType<StringGraphType>)).Description("Unique code, e.g. LAND.");
        type.Field(x => x.NameZh, type: typeof(NonNullGraphType<StringGraphType>)).Description("Chinese name, e.g. 征地拆迁.");
        type.Field(x => x.NameEn, type: typeof(NonNullGraphType<StringGraphType>)).Description("English name, e.g. Land acquisition and demolition.");
    }
}

public sealed record RenameCategoryInput(string CategoryId, string? NameZh, string? NameEn) : IMutationInput<RenameCategoryInput>
{
    public static void Declare(InputObjectGraphType<RenameCategoryInput> type)
    {
        type.Field(x => x.CategoryId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The category concerned.");
        type.Field(x => x.NameZh, type: typeof(StringGraphType)).Description("New Chinese name; unchanged when omitted.");
        type.Field(x => x.NameEn, type: typeof(StringGraphType)).Description("New English name; unchanged when omitted.");
    }
}

public sealed record CategoryIdInput(string CategoryId) : IMutationInput<CategoryIdInput>
{
    public static void Declare(InputObjectGraphType<CategoryIdInput> type) =>
        type.Field(x => x.CategoryId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The category concerned.");
}
