using GraphQL.Types;
using PetitionGraph.Api.GraphQL.Mutations;

namespace PetitionGraph.Api.Cases.Mutations;

/// <summary>An extra input field of a lifecycle step, beyond caseId and expectedVersion.</summary>
public sealed record StepField(string Name, Type GraphType, string Description);

/// <summary>
/// A lifecycle mutation declared as data: its name, what it means, its extra input fields and its rule.
/// The rule checks the case and appends events; it returns a <see cref="UserError"/> to refuse.
/// </summary>
public sealed record CaseStep(string Name, string Description, IReadOnlyList<StepField> Fields, Func<CaseCommand, StepInput, Task<UserError?>> Rule)
{
    public CaseStep(string name, string description, IReadOnlyList<StepField> fields, Func<CaseCommand, StepInput, UserError?> rule)
        : this(name, description, fields, (c, i) => Task.FromResult(rule(c, i)))
    {
    }
}

public sealed class CaseStepInputType : InputObjectGraphType
{
    public CaseStepInputType(CaseStep step)
    {
        Name = char.ToUpperInvariant(step.Name[0]) + step.Name[1..] + "Input";
        AddField(new FieldType { Name = "caseId", Type = typeof(NonNullGraphType<IdGraphType>), Description = "The case (global id)." });
        AddField(new FieldType
        {
            Name = "expectedVersion",
            Type = typeof(IntGraphType),
            Description = "The case's version as you read it; the step is refused with CONFLICT if it changed since.",
        });
        foreach (var field in step.Fields)
        {
            AddField(new FieldType { Name = field.Name, Type = field.GraphType, Description = field.Description });
        }
    }
}
