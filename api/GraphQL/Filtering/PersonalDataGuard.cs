using PetitionGraph.Api.GraphQL.Errors;
using PetitionGraph.Api.Language;

namespace PetitionGraph.Api.GraphQL.Filtering;

internal static class PersonalDataGuard
{
    public static void Check(ShapeField field, QueryContext context)
    {
        if (field is ScalarShapeField { PersonalData: true } && !context.MayReadPersonalData)
        {
            throw new QueryError(ErrorCodes.Forbidden,
                new Msg($"“{field.Name}”属于个人信息：你的角色不能读取，因此也不能按它筛选或排序。",
                    $"'{field.Name}' is personal data: your role may not read it, so it may not filter or sort by it either."));
        }
    }
}
