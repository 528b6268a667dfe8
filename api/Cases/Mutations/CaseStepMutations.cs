using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using PetitionGraph.Api.GraphQL.Mutations;

namespace PetitionGraph.Api.Cases.Mutations;

public static class CaseStepMutations
{
    /// <summary>One mutation per lifecycle step: <c>acceptCase(input: AcceptCaseInput!): AcceptCasePayload!</c>, …</summary>
    public static void AddCaseStepMutations(this ObjectGraphType mutation)
    {
        foreach (var step in CaseSteps.All.Concat(CaseRecordSteps.All).Concat(CasePlanSteps.All))
        {
            var input = new CaseStepInputType(step);
            mutation.AddField(new FieldType
            {
                Name = step.Name,
                Description = step.Description,
                ResolvedType = new NonNullGraphType(new CasePayloadType(input.Name[..^"Input".Length] + "Payload")),
                Arguments = new QueryArguments(new QueryArgument(new NonNullGraphType(input)) { Name = "input" }),
                Resolver = new FuncFieldResolver<CasePayload>(context => RunAsync(context, step)),
            });
        }
    }

    private static async ValueTask<CasePayload?> RunAsync(IResolveFieldContext context, CaseStep step)
    {
        var values = (IDictionary<string, object?>)context.Arguments!["input"].Value!;
        var input = new StepInput(values);
        return await CaseMutationRunner.RunAsync(context, step.Name, input.Text("caseId")!, input.Int("expectedVersion"),
            command => step.Rule(command, input));
    }
}
