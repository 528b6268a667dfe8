using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.Mutations;
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
                    return (null, UserError.Validation("code", "code is 1–32 letters, digits, '-' or '_'."));
                }
                if (Validate.Text("name", i.Name, 64) is { } invalid)
                {
                    return (null, invalid);
                }
                if (await db.ResponsibleUnits.AnyAsync(u => u.Code == code))
                {
                    return (null, new UserError(UserErrorCode.Conflict, $"A unit with code {code} exists already.", ["input", "code"]));
                }
                var unit = new ResponsibleUnit { Code = code, Name = i.Name.Trim(), Kind = i.Kind };
                db.ResponsibleUnits.Add(unit);
                return (unit, null);
            });
        mutation.AddReferenceMutation<UnitType, UnitIdInput>("deactivateUnit", "Deactivate a unit: no new referrals; its referrals and history are kept.", "unit",
            async (i, db) => await FindAsync<ResponsibleUnit>(db, i.UnitId, "ResponsibleUnit") is not { } unit
                ? (null, UserError.NotFound("unitId", $"There is no unit {i.UnitId}."))
                : (Change(unit, u => u.Active = false), null));
    }
}
