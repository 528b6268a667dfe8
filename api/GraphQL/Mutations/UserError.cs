using System.ComponentModel;
using GraphQL.Types;
using PetitionGraph.Api.GraphQL.Scalars;
using PetitionGraph.Api.Language;

namespace PetitionGraph.Api.GraphQL.Mutations;

[Description("Why a mutation was refused, for programs.")]
public enum UserErrorCode
{
    [Description("The step is not allowed in the case's current status.")]
    InvalidState,
    [Description("The time allowed for the step has passed.")]
    DeadlinePassed,
    [Description("Something named in the input does not exist.")]
    NotFound,
    [Description("The input itself is wrong (missing, malformed, out of range).")]
    Validation,
    [Description("The case changed since the caller read it (expectedVersion), or the step conflicts with another.")]
    Conflict,
    [Description("The caller's scope does not cover it (another village's case, a village outside the account).")]
    Forbidden,
    [Description("The entry is dated in a closed period (its report was published): give correctionReason to record it as a correction.")]
    PeriodClosed,
}

/// <summary>Why a mutation was refused; nothing was changed. The message in both languages (<see cref="Msg"/>).</summary>
public sealed record UserError(UserErrorCode Code, Msg Message, IReadOnlyList<string>? Field = null)
{
    public static UserError InvalidState(Msg message) => new(UserErrorCode.InvalidState, message);
    public static UserError NotFound(string field, Msg message) => new(UserErrorCode.NotFound, message, ["input", field]);
    public static UserError Validation(string field, Msg message) => new(UserErrorCode.Validation, message, ["input", field]);
    public static UserError Deadline(Msg message) => new(UserErrorCode.DeadlinePassed, message);
    public static UserError Conflict(Msg message) => new(UserErrorCode.Conflict, message, ["input", "expectedVersion"]);
    public static UserError Forbidden(string field, Msg message) => new(UserErrorCode.Forbidden, message, ["input", field]);
}

public sealed class UserErrorType : ObjectGraphType<UserError>
{
    public UserErrorType()
    {
        Name = "UserError";
        Description = "Why a mutation was refused. A refused mutation changes nothing.";
        Field<NonNullGraphType<EnumType<UserErrorCode>>>("code").Description("What kind of refusal, for programs.").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("message")
            .Description("For a person: what is wrong and what to do — in Chinese, or in English when the request's Accept-Language prefers English. The code stays the same.")
            .Resolve(c => c.Source.Message.In(Languages.Of(c)));
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("field").Description("Path of the input field at fault, if one is.")
            .Resolve(c => c.Source.Field);
    }
}
