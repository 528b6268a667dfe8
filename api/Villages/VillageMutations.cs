using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.Mutations;
using PetitionGraph.Api.GraphQL.Scalars;
using static PetitionGraph.Api.GraphQL.ReferenceMutations;

namespace PetitionGraph.Api.Villages;

public static class VillageMutations
{
    public static void AddVillageMutations(this ObjectGraphType mutation)
    {
        mutation.AddReferenceMutation<VillageType>("createVillage", "Add a village or community.", "village",
            [Input("code", typeof(NonNullGraphType<StringGraphType>), "Administrative code, unique."),
             Input("name", typeof(NonNullGraphType<StringGraphType>)),
             Input("kind", typeof(NonNullGraphType<EnumType<VillageKind>>))],
            async (i, db) =>
            {
                var code = i.Text("code")!.Trim();
                if (!IsCode(code))
                {
                    return (null, UserError.Validation("code", "code is 1–32 letters, digits, '-' or '_'."));
                }
                if (Validate.Text("name", i.Text("name"), 64) is { } invalid)
                {
                    return (null, invalid);
                }
                if (await db.Villages.AnyAsync(v => v.Code == code))
                {
                    return (null, new UserError(UserErrorCode.Conflict, $"A village with code {code} exists already.", ["input", "code"]));
                }
                var village = new Village { Code = code, Name = i.Text("name")!.Trim(), Kind = i.Enum<VillageKind>("kind")!.Value };
                db.Villages.Add(village);
                return (village, null);
            });
        mutation.AddReferenceMutation<VillageType>("renameVillage", "Rename a village (its cases keep pointing to it).", "village",
            [Input("villageId", typeof(NonNullGraphType<IdGraphType>)), Input("name", typeof(NonNullGraphType<StringGraphType>))],
            async (i, db) => await FindAsync<Village>(db, i.Text("villageId"), "Village") is not { } village
                ? (null, UserError.NotFound("villageId", $"There is no village {i.Text("villageId")}."))
                : Validate.Text("name", i.Text("name"), 64) is { } invalid ? (null, invalid)
                : (Change(village, v => v.Name = i.Text("name")!.Trim()), null));
        mutation.AddReferenceMutation<VillageType>("setVillageAliases",
            "Set the other names an address may use for a village (housing estates, old names); replaces the list. An alias belongs to one village.", "village",
            [Input("villageId", typeof(NonNullGraphType<IdGraphType>)), Input("aliases", typeof(NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>), "2 to 32 characters each.")],
            async (i, db) => await FindAsync<Village>(db, i.Text("villageId"), "Village") is not { } village
                ? (null, UserError.NotFound("villageId", $"There is no village {i.Text("villageId")}."))
                : await VillageAliases.CheckAsync(db, village, i.Texts("aliases")) is { } invalid ? (null, invalid)
                : (Change(village, v => v.Aliases = string.Join(Village.AliasSeparator, i.Texts("aliases").Select(a => a.Trim()).Distinct())), null));
        mutation.AddReferenceMutation<VillageType>("deactivateVillage", "Deactivate a village: no new cases for it; existing cases keep it.", "village",
            [Input("villageId", typeof(NonNullGraphType<IdGraphType>))],
            async (i, db) => await FindAsync<Village>(db, i.Text("villageId"), "Village") is not { } village
                ? (null, UserError.NotFound("villageId", $"There is no village {i.Text("villageId")}."))
                : (Change(village, v => v.Active = false), null));
    }
}
