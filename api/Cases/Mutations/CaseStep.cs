using GraphQL;
using GraphQL.Types;
using PetitionGraph.Api.GraphQL.Mutations;

namespace PetitionGraph.Api.Cases.Mutations;

/// <summary>What every lifecycle step's input has: the case and, optionally, the version it was read at.</summary>
public interface ICaseStepInput
{
    string CaseId { get; }
    int? ExpectedVersion { get; }
}

/// <summary>
/// A lifecycle mutation declared as data: its name, what it means, its input record and its rule. The rule checks the
/// case and appends events; it returns a <see cref="UserError"/> to refuse.
/// </summary>
public abstract record CaseStep(string Name, string Description)
{
    public string InputName => char.ToUpperInvariant(Name[0]) + Name[1..] + "Input";

    /// <summary>A new input type (a schema initialises the types it is given).</summary>
    public abstract IInputObjectGraphType InputType();

    public abstract Task<CasePayload?> RunAsync(IResolveFieldContext context);
}

public sealed record CaseStep<TInput>(string Name, string Description, Func<CaseCommand, TInput, Task<UserError?>> Rule) : CaseStep(Name, Description)
    where TInput : ICaseStepInput, IMutationInput<TInput>
{
    public CaseStep(string name, string description, Func<CaseCommand, TInput, UserError?> rule)
        : this(name, description, (c, i) => Task.FromResult(rule(c, i)))
    {
    }

    public override IInputObjectGraphType InputType() => new MutationInputType<TInput>(InputName);

    public override async Task<CasePayload?> RunAsync(IResolveFieldContext context)
    {
        var input = context.GetArgument<TInput>("input");
        return await CaseMutationRunner.RunAsync(context, Name, input.CaseId, input.ExpectedVersion, command => Rule(command, input));
    }
}

/// <summary>The fields every step's input starts with.</summary>
public static class CaseStepFields
{
    public static void Declare<TInput>(InputObjectGraphType<TInput> type) where TInput : ICaseStepInput
    {
        type.Field(x => x.CaseId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The case (global id).");
        type.Field(x => x.ExpectedVersion, type: typeof(IntGraphType))
            .Description("The case's version as you read it; the step is refused with CONFLICT if it changed since.");
    }
}
