using PetitionGraph.Api.GraphQL.Errors;

namespace PetitionGraph.Api.GraphQL.Filtering;

internal static class PersonalDataGuard
{
    public static void Check(ShapeField field, QueryContext context)
    {
        if (field is ScalarShapeField { PersonalData: true } && !context.MayReadPersonalData)
        {
            throw new QueryError(ErrorCodes.Forbidden,
                $"'{field.Name}' is personal data: your role may not read it, so it may not filter or sort by it either.");
        }
    }
}
