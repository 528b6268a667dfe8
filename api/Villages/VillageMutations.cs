using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.Mutations;
using PetitionGraph.Api.Language;
using static PetitionGraph.Api.GraphQL.ReferenceMutations;

namespace PetitionGraph.Api.Villages;

public static class VillageMutations
{
    public static void AddVillageMutations(this ObjectGraphType mutation)
    {
        mutation.AddReferenceMutation<VillageType, CreateVillageInput>("createVillage", "Add a village or community.", "village",
            async (i, db) =>
            {
                var code = i.Code.Trim();
                if (!IsCode(code))
                {
                    return (null, UserError.Validation("code", new Msg("code 须为 1–32 位字母、数字、“-”或“_”。", "code is 1–32 letters, digits, '-' or '_'.")));
                }
                if (Validate.Text("name", i.Name, 64) is { } invalid)
                {
                    return (null, invalid);
                }
                if (await db.Villages.AnyAsync(v => v.Code == code))
                {
                    return (null, new UserError(UserErrorCode.Conflict, new Msg($"村（社区）代码 {code} 已被使用。", $"A village with code {code} exists already."), ["input", "code"]));
                }
                var village = new Village { Code = code, Name = i.Name.Trim(), Kind = i.Kind };
                db.Villages.Add(village);
                return (village, null);
            });
        mutation.AddReferenceMutation<VillageType, RenameVillageInput>("renameVillage", "Rename a village (its cases keep pointing to it).", "village",
            async (i, db) => await FindAsync<Village>(db, i.VillageId, "Village") is not { } village
                ? (null, UserError.NotFound("villageId", new Msg($"没有编号为 {i.VillageId} 的村（社区）。", $"There is no village {i.VillageId}.")))
                : Validate.Text("name", i.Name, 64) is { } invalid ? (null, invalid)
                : (Change(village, v => v.Name = i.Name.Trim()), null));
        mutation.AddReferenceMutation<VillageType, VillageAliasesInput>("setVillageAliases",
            "Set the other names an address may use for a village (housing estates, old names); replaces the list. An alias belongs to one village.", "village",
            async (i, db) => await FindAsync<Village>(db, i.VillageId, "Village") is not { } village
                ? (null, UserError.NotFound("villageId", new Msg($"没有编号为 {i.VillageId} 的村（社区）。", $"There is no village {i.VillageId}.")))
                : await VillageAliases.CheckAsync(db, village, i.Aliases) is { } invalid ? (null, invalid)
                : (Change(village, v => v.Aliases = string.Join(Village.AliasSeparator, i.Aliases.Select(a => a.Trim()).Distinct())), null));
        mutation.AddReferenceMutation<VillageType, VillageIdInput>("deactivateVillage", "Deactivate a village: no new cases for it; existing cases keep it.", "village",
            async (i, db) => await FindAsync<Village>(db, i.VillageId, "Village") is not { } village
                ? (null, UserError.NotFound("villageId", new Msg($"没有编号为 {i.VillageId} 的村（社区）。", $"There is no village {i.VillageId}.")))
                : (Change(village, v => v.Active = false), null));
    }
}
