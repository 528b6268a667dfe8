using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.Projection;
using PetitionGraph.Api.GraphQL.Relay;

namespace PetitionGraph.Api.Cases;

public static class CaseQueries
{
    public static void AddCaseQueries(this ObjectGraphType query)
    {
        query.RootConnection<CaseType, Case>("cases", "Cases: filter, sort and page through them.");
        query.Field<CaseType>("caseByNumber")
            .Description("A case by its number, e.g. \"2021-0042\"; null when there is none you may see.")
            .Argument<NonNullGraphType<StringGraphType>>("number", "The case number, e.g. 2021-0042.")
            .ResolveAsync(async c =>
            {
                var number = c.GetArgument<string>("number").Trim();
                var columns = Columns.Projection<Case>(Columns.Plan<Case>(c, Selections.OfObject));
                return await c.Db().Cases.Where(c.Scope().Cases).Where(k => k.Number == number).Select(columns).FirstOrDefaultAsync(c.CancellationToken);
            });
    }
}
