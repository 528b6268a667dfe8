using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.Mutations;
using static PetitionGraph.Api.GraphQL.ReferenceMutations;

namespace PetitionGraph.Api.Categories;

public static class CategoryMutations
{
    public static void AddCategoryMutations(this ObjectGraphType mutation)
    {
        mutation.AddReferenceMutation<CategoryType>("createCategory", "Add a domain category.", "category",
            [Input("code", typeof(NonNullGraphType<StringGraphType>), "Unique code, e.g. LAND."),
             Input("nameZh", typeof(NonNullGraphType<StringGraphType>)), Input("nameEn", typeof(NonNullGraphType<StringGraphType>))],
            async (i, db) =>
            {
                var code = i.Text("code")!.Trim();
                if (!IsCode(code))
                {
                    return (null, UserError.Validation("code", "code is 1–32 letters, digits, '-' or '_'."));
                }
                if ((Validate.Text("nameZh", i.Text("nameZh"), 64) ?? Validate.Text("nameEn", i.Text("nameEn"), 64)) is { } invalid)
                {
                    return (null, invalid);
                }
                if (await db.Categories.AnyAsync(c => c.Code == code))
                {
                    return (null, new UserError(UserErrorCode.Conflict, $"A category with code {code} exists already.", ["input", "code"]));
                }
                var category = new Category { Code = code, NameZh = i.Text("nameZh")!.Trim(), NameEn = i.Text("nameEn")!.Trim() };
                db.Categories.Add(category);
                return (category, null);
            });
        mutation.AddReferenceMutation<CategoryType>("renameCategory", "Rename a category (its cases keep pointing to it).", "category",
            [Input("categoryId", typeof(NonNullGraphType<IdGraphType>)), Input("nameZh", typeof(StringGraphType)), Input("nameEn", typeof(StringGraphType))],
            async (i, db) => await FindAsync<Category>(db, i.Text("categoryId"), "Category") is not { } category
                ? (null, UserError.NotFound("categoryId", $"There is no category {i.Text("categoryId")}."))
                : i.Text("nameZh") is null && i.Text("nameEn") is null ? (null, UserError.Validation("nameZh", "Give nameZh, nameEn or both."))
                : (Change(category, c =>
                {
                    c.NameZh = i.Text("nameZh")?.Trim() is { Length: > 0 } zh ? zh : c.NameZh;
                    c.NameEn = i.Text("nameEn")?.Trim() is { Length: > 0 } en ? en : c.NameEn;
                }), null));
        mutation.AddReferenceMutation<CategoryType>("deactivateCategory", "Deactivate a category: no new cases in it; existing cases keep it.", "category",
            [Input("categoryId", typeof(NonNullGraphType<IdGraphType>))],
            async (i, db) => await FindAsync<Category>(db, i.Text("categoryId"), "Category") is not { } category
                ? (null, UserError.NotFound("categoryId", $"There is no category {i.Text("categoryId")}."))
                : (Change(category, c => c.Active = false), null));
    }
}
