using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.Mutations;
using PetitionGraph.Api.Language;
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
                    return (null, UserError.Validation("code", new Msg("code 须为 1–32 位字母、数字、“-”或“_”。", "code is 1–32 letters, digits, '-' or '_'.")));
                }
                if ((Validate.Text("nameZh", i.NameZh, 64) ?? Validate.Text("nameEn", i.NameEn, 64)) is { } invalid)
                {
                    return (null, invalid);
                }
                if (await db.Categories.AnyAsync(c => c.Code == code))
                {
                    return (null, new UserError(UserErrorCode.Conflict, new Msg($"信访事项类别代码 {code} 已被使用。", $"A category with code {code} exists already."), ["input", "code"]));
                }
                var category = new Category { Code = code, NameZh = i.NameZh.Trim(), NameEn = i.NameEn.Trim() };
                db.Categories.Add(category);
                return (category, null);
            });
        mutation.AddReferenceMutation<CategoryType, RenameCategoryInput>("renameCategory", "Rename a category (its cases keep pointing to it).", "category",
            async (i, db) => await FindAsync<Category>(db, i.CategoryId, "Category") is not { } category
                ? (null, UserError.NotFound("categoryId", new Msg($"没有编号为 {i.CategoryId} 的信访事项类别。", $"There is no category {i.CategoryId}.")))
                : i.NameZh is null && i.NameEn is null ? (null, UserError.Validation("nameZh", new Msg("请填写 nameZh、nameEn 或两者都填。", "Give nameZh, nameEn or both.")))
                : (Change(category, c =>
                {
                    c.NameZh = i.NameZh?.Trim() is { Length: > 0 } zh ? zh : c.NameZh;
                    c.NameEn = i.NameEn?.Trim() is { Length: > 0 } en ? en : c.NameEn;
                }), null));
        mutation.AddReferenceMutation<CategoryType, CategoryIdInput>("deactivateCategory", "Deactivate a category: no new cases in it; existing cases keep it.", "category",
            async (i, db) => await FindAsync<Category>(db, i.CategoryId, "Category") is not { } category
                ? (null, UserError.NotFound("categoryId", new Msg($"没有编号为 {i.CategoryId} 的信访事项类别。", $"There is no category {i.CategoryId}.")))
                : (Change(category, c => c.Active = false), null));
    }
}
