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
        mutation.AddReferenceMutation<CategoryType, CreateCategoryInput>("createCategory", "Add a domain category.", "category",
            async (i, db) =>
            {
                var code = i.Code.Trim();
                if (!IsCode(code))
                {
                    return (null, UserError.Validation("code", "code is 1–32 letters, digits, '-' or '_'."));
                }
                if ((Validate.Text("nameZh", i.NameZh, 64) ?? Validate.Text("nameEn", i.NameEn, 64)) is { } invalid)
                {
                    return (null, invalid);
                }
                if (await db.Categories.AnyAsync(c => c.Code == code))
                {
                    return (null, new UserError(UserErrorCode.Conflict, $"A category with code {code} exists already.", ["input", "code"]));
                }
                var category = new Category { Code = code, NameZh = i.NameZh.Trim(), NameEn = i.NameEn.Trim() };
                db.Categories.Add(category);
                return (category, null);
            });
        mutation.AddReferenceMutation<CategoryType, RenameCategoryInput>("renameCategory", "Rename a category (its cases keep pointing to it).", "category",
            async (i, db) => await FindAsync<Category>(db, i.CategoryId, "Category") is not { } category
                ? (null, UserError.NotFound("categoryId", $"There is no category {i.CategoryId}."))
                : i.NameZh is null && i.NameEn is null ? (null, UserError.Validation("nameZh", "Give nameZh, nameEn or both."))
                : (Change(category, c =>
                {
                    c.NameZh = i.NameZh?.Trim() is { Length: > 0 } zh ? zh : c.NameZh;
                    c.NameEn = i.NameEn?.Trim() is { Length: > 0 } en ? en : c.NameEn;
                }), null));
        mutation.AddReferenceMutation<CategoryType, CategoryIdInput>("deactivateCategory", "Deactivate a category: no new cases in it; existing cases keep it.", "category",
            async (i, db) => await FindAsync<Category>(db, i.CategoryId, "Category") is not { } category
                ? (null, UserError.NotFound("categoryId", $"There is no category {i.CategoryId}."))
                : (Change(category, c => c.Active = false), null));
    }
}
