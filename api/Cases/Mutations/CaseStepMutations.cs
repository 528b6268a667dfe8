using GraphQL.Resolvers;
using GraphQL.Types;

namespace PetitionGraph.Api.Cases.Mutations;

public static class CaseStepMutations
{
    /// <summary>One mutation per lifecycle step: <c>acceptCase(input: AcceptCaseInput!): AcceptCasePayload!</c>, …</summary>
    public static void AddCaseStepMutations(this ObjectGraphType mutation)
    {
        foreach (var step in CaseSteps.All.Concat(CaseRecordSteps.All).Concat(CasePlanSteps.All).Concat(Units.ReferralSteps.All).Concat(Teams.TeamMutations.Steps))
        {
            mutation.AddField(new FieldType
            {
                Name = step.Name,
                Description = step.Description,
                ResolvedType = new NonNullGraphType(new CasePayloadType(step.InputName[..^"Input".Length] + "Payload")),
                Arguments = new QueryArguments(new QueryArgument(new NonNullGraphType(step.InputType())) { Name = "input" }),
                Resolver = new FuncFieldResolver<CasePayload>(context => new ValueTask<CasePayload?>(step.RunAsync(context))),
            });
        }
    }
}
