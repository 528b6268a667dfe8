using GraphQL.Types;
using PetitionGraph.Api.GraphQL.Mutations;
using PetitionGraph.Api.GraphQL.Scalars;
using PetitionGraph.Api.Leaders;

namespace PetitionGraph.Api.Cases.Mutations;

/// <summary>A step with a free note.</summary>
public sealed record NoteInput(string CaseId, int? ExpectedVersion, string? Note) : ICaseStepInput, IMutationInput<NoteInput>
{
    public static void Declare(InputObjectGraphType<NoteInput> type)
    {
        CaseStepFields.Declare(type);
        type.Field(x => x.Note, type: typeof(StringGraphType)).Description("Free text for the record.");
    }
}

/// <summary>A step that needs a reason.</summary>
public sealed record ReasonInput(string CaseId, int? ExpectedVersion, string Reason) : ICaseStepInput, IMutationInput<ReasonInput>
{
    public static void Declare(InputObjectGraphType<ReasonInput> type)
    {
        CaseStepFields.Declare(type);
        type.Field(x => x.Reason, type: typeof(NonNullGraphType<StringGraphType>)).Description("Why (told to the petitioner).");
    }
}

/// <summary>A written answer: a conclusion, a review, a second review.</summary>
public sealed record ReplyInput(string CaseId, int? ExpectedVersion, string Reply) : ICaseStepInput, IMutationInput<ReplyInput>
{
    public static void Declare(InputObjectGraphType<ReplyInput> type)
    {
        CaseStepFields.Declare(type);
        type.Field(x => x.Reply, type: typeof(NonNullGraphType<StringGraphType>)).Description("The written answer (处理意见书 / 复查意见 / 复核意见), in summary.");
    }
}

public sealed record DeclineInput(string CaseId, int? ExpectedVersion, string Reason, string? RouteTo) : ICaseStepInput, IMutationInput<DeclineInput>
{
    public static void Declare(InputObjectGraphType<DeclineInput> type)
    {
        CaseStepFields.Declare(type);
        type.Field(x => x.Reason, type: typeof(NonNullGraphType<StringGraphType>)).Description("Why (told to the petitioner).");
        type.Field(x => x.RouteTo, type: typeof(StringGraphType)).Description("The office or channel the petitioner is referred to.");
    }
}

public sealed record ExtendInput(string CaseId, int? ExpectedVersion, int Days, string Reason) : ICaseStepInput, IMutationInput<ExtendInput>
{
    public static void Declare(InputObjectGraphType<ExtendInput> type)
    {
        CaseStepFields.Declare(type);
        type.Field(x => x.Days, type: typeof(NonNullGraphType<IntGraphType>)).Description("Days to add (1 to the maximum).");
        type.Field(x => x.Reason, type: typeof(NonNullGraphType<StringGraphType>)).Description("Why (told to the petitioner).");
    }
}

public sealed record DesignateInput(string CaseId, int? ExpectedVersion, string Source, string? Note) : ICaseStepInput, IMutationInput<DesignateInput>
{
    public static void Declare(InputObjectGraphType<DesignateInput> type)
    {
        CaseStepFields.Declare(type);
        type.Field(x => x.Source, type: typeof(NonNullGraphType<StringGraphType>)).Description("Where the designation comes from (上级交办积案清单, …).");
        type.Field(x => x.Note, type: typeof(StringGraphType)).Description("Free text for the record.");
    }
}

public sealed record EvaluationInput(string CaseId, int? ExpectedVersion, EvaluationResult Result) : ICaseStepInput, IMutationInput<EvaluationInput>
{
    public static void Declare(InputObjectGraphType<EvaluationInput> type)
    {
        CaseStepFields.Declare(type);
        type.Field(x => x.Result, type: typeof(NonNullGraphType<EnumType<EvaluationResult>>)).Description("Satisfied, basically satisfied or dissatisfied.");
    }
}

public sealed record ActivityInput(string CaseId, int? ExpectedVersion, ActivityKind Kind, string Summary) : ICaseStepInput, IMutationInput<ActivityInput>
{
    public static void Declare(InputObjectGraphType<ActivityInput> type)
    {
        CaseStepFields.Declare(type);
        type.Field(x => x.Kind, type: typeof(NonNullGraphType<EnumType<ActivityKind>>)).Description("What was done.");
        type.Field(x => x.Summary, type: typeof(NonNullGraphType<StringGraphType>)).Description("What was done and agreed.");
    }
}

public sealed record AssignLeaderInput(string CaseId, int? ExpectedVersion, string LeaderId, AssignmentRole Role) : ICaseStepInput, IMutationInput<AssignLeaderInput>
{
    public static void Declare(InputObjectGraphType<AssignLeaderInput> type)
    {
        CaseStepFields.Declare(type);
        type.Field(x => x.LeaderId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The leader (global id).");
        type.Field(x => x.Role, type: typeof(NonNullGraphType<EnumType<AssignmentRole>>))
            .Description("TOWN_LEAD (a town-level leader) or VILLAGE_LEAD (a village-level leader).");
    }
}

public sealed record EndAssignmentInput(string CaseId, int? ExpectedVersion, string AssignmentId) : ICaseStepInput, IMutationInput<EndAssignmentInput>
{
    public static void Declare(InputObjectGraphType<EndAssignmentInput> type)
    {
        CaseStepFields.Declare(type);
        type.Field(x => x.AssignmentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The assignment (global id).");
    }
}

public sealed record ConflictInput(string CaseId, int? ExpectedVersion, string LeaderId, string Reason) : ICaseStepInput, IMutationInput<ConflictInput>
{
    public static void Declare(InputObjectGraphType<ConflictInput> type)
    {
        CaseStepFields.Declare(type);
        type.Field(x => x.LeaderId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The leader (global id).");
        type.Field(x => x.Reason, type: typeof(NonNullGraphType<StringGraphType>)).Description("The interest declared.");
    }
}

public sealed record PlanInput(string CaseId, int? ExpectedVersion, IReadOnlyList<PlanStepInput> Steps) : ICaseStepInput, IMutationInput<PlanInput>
{
    public static void Declare(InputObjectGraphType<PlanInput> type)
    {
        CaseStepFields.Declare(type);
        type.Field(x => x.Steps, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<CasePlanStepInputType>>>)).Description("The steps, in order.");
    }
}

public sealed record MarkStepInput(string CaseId, int? ExpectedVersion, string StepId) : ICaseStepInput, IMutationInput<MarkStepInput>
{
    public static void Declare(InputObjectGraphType<MarkStepInput> type)
    {
        CaseStepFields.Declare(type);
        type.Field(x => x.StepId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The plan step (global id).");
    }
}
