using GraphQL.Types;
using PetitionGraph.Api.Cases.Mutations;
using PetitionGraph.Api.GraphQL.Mutations;
using PetitionGraph.Api.GraphQL.Scalars;

namespace PetitionGraph.Api.Units;

public sealed record UnitReferralInput(string UnitCode, DateTime DueAt, string Instructions, string? Part);

public sealed class UnitReferralInputType : InputObjectGraphType<UnitReferralInput>
{
    public UnitReferralInputType()
    {
        Name = "UnitReferralInput";
        Description = "交办: what one unit is to answer for.";
        Field(x => x.UnitCode, type: typeof(NonNullGraphType<StringGraphType>)).Description("The responsible unit's code.");
        Field(x => x.DueAt, type: typeof(NonNullGraphType<DateTimeScalar>)).Description("By when the unit is to reply (反馈时限).");
        Field(x => x.Instructions, type: typeof(NonNullGraphType<StringGraphType>)).Description("交办意见: what the unit is asked to do.");
        Field(x => x.Part, type: typeof(StringGraphType)).Description("Which demand of the case it answers for; omitted: the whole case.");
    }
}

public sealed record ReferCaseInput(string CaseId, int? ExpectedVersion, IReadOnlyList<UnitReferralInput> Units) : ICaseStepInput, IMutationInput<ReferCaseInput>
{
    public static void Declare(InputObjectGraphType<ReferCaseInput> type)
    {
        CaseStepFields.Declare(type);
        type.Field(x => x.Units, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<UnitReferralInputType>>>))
            .Description("One or more units (several: 联合会商, each answering for its part).");
    }
}

public sealed record ReferralStepInput(string CaseId, int? ExpectedVersion, string ReferralId, string? Note) : ICaseStepInput, IMutationInput<ReferralStepInput>
{
    public static void Declare(InputObjectGraphType<ReferralStepInput> type)
    {
        CaseStepFields.Declare(type);
        type.Field(x => x.ReferralId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The referral (global id).");
        type.Field(x => x.Note, type: typeof(StringGraphType)).Description("A note for the case's history.");
    }
}

public sealed record ReplyToReferralInput(string CaseId, int? ExpectedVersion, string ReferralId, string Measures, string Result) : ICaseStepInput, IMutationInput<ReplyToReferralInput>
{
    public static void Declare(InputObjectGraphType<ReplyToReferralInput> type)
    {
        CaseStepFields.Declare(type);
        type.Field(x => x.ReferralId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The referral (global id).");
        type.Field(x => x.Measures, type: typeof(NonNullGraphType<StringGraphType>)).Description("办理措施: what the unit did.");
        type.Field(x => x.Result, type: typeof(NonNullGraphType<StringGraphType>)).Description("办理结果: what came of it.");
    }
}

public sealed record ReturnReferralInput(string CaseId, int? ExpectedVersion, string ReferralId, string Reason) : ICaseStepInput, IMutationInput<ReturnReferralInput>
{
    public static void Declare(InputObjectGraphType<ReturnReferralInput> type)
    {
        CaseStepFields.Declare(type);
        type.Field(x => x.ReferralId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The referral (global id).");
        type.Field(x => x.Reason, type: typeof(NonNullGraphType<StringGraphType>)).Description("Why it is not the unit's matter.");
    }
}
