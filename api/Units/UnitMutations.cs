using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.Mutations;
using PetitionGraph.Api.Language;
using static PetitionGraph.Api.GraphQL.ReferenceMutations;

namespace PetitionGraph.Api.Units;

public static class UnitMutations
{
    public static void AddUnitMutations(this ObjectGraphType mutation)
    {
        mutation.AddReferenceMutation<UnitType, CreateUnitInput>("createUnit", "Add a responsible unit (责任单位).", "unit",
            async (i, db) =>
            {
                var code = i.Code.Trim();
                if (!IsCode(code))
                {
                    return (null, UserError.Validation("code", new Msg("code 须由 1–32 个字母、数字、'-' 或 '_' 组成。", "code is 1–32 letters, digits, '-' or '_'.")));
                }
                if (Validate.Text("name", i.Name, 64) is { } invalid)
                {
                    return (null, invalid);
                }
                if (await db.ResponsibleUnits.AnyAsync(u => u.Code == code))
                {
                    return (null, new UserError(UserErrorCode.Conflict, new Msg($"编号为 {code} 的责任单位已存在。", $"A unit with code {code} exists already."), ["input", "code"]));
                }
                var unit = new ResponsibleUnit { Code = code, Name = i.Name.Trim(), Kind = i.Kind };
                db.ResponsibleUnits.Add(unit);
                return (unit, null);
            });
        mutation.AddReferenceMutation<UnitType, UnitIdInput>("deactivateUnit", "Deactivate a unit: no new referrals; its referrals and history are kept.", "unit",
            async (i, db) => await FindAsync<ResponsibleUnit>(db, i.UnitId, "ResponsibleUnit") is not { } unit
                ? (null, UserError.NotFound("unitId", new Msg($"没有编号为 {i.UnitId} 的责任单位。", $"There is no unit {i.UnitId}.")))
                : (Change(unit, u => u.Active = false), null));
    }
}
