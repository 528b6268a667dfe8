using GraphQL;
using GraphQL.Execution;
using PetitionGraph.Api.Language;

namespace PetitionGraph.Api.GraphQL.Errors;

/// <summary>
/// Every error carries <c>extensions.code</c>, and its message in the request's language (Chinese unless
/// Accept-Language prefers English). An unexpected exception is logged on the server and shown as INTERNAL_ERROR with
/// no details: never a stack trace, never an exception type. GraphQL.NET's own syntax and validation messages exist
/// only in English: in Chinese they are led by what kind of mistake it is, and the English detail (which names the
/// fields and types as the schema spells them) follows.
/// </summary>
public sealed class PetitionErrorInfoProvider(IHttpContextAccessor http) : ErrorInfoProvider(new ErrorInfoProviderOptions { ExposeExceptionDetails = false })
{
    public static readonly Msg Internal = new("服务器内部错误，已记录；请告知请求的时间。", "An internal error occurred; it has been logged. Please report the time of the request.");

    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var lang = Languages.Of(http.HttpContext);
        var (text, code) = Describe(executionError);
        if (executionError is UnhandledError)
        {
            return new ErrorInfo { Message = text.In(lang), Extensions = new Dictionary<string, object?> { ["code"] = code } };
        }
        var info = base.GetInfo(executionError);
        info.Extensions ??= new Dictionary<string, object?>();
        info.Extensions.TryAdd("code", code);
        info.Message = text.In(lang);
        return info;
    }

    /// <summary>
    /// An error's message in both languages and its code, as every path shows it (GraphQL responses, ledger exports):
    /// its own two languages; an unexpected exception as INTERNAL_ERROR (or the database outage) without details; a
    /// GraphQL.NET message, English only, led in Chinese by what kind of mistake it is.
    /// </summary>
    public static (Msg Text, string Code) Describe(ExecutionError error)
    {
        if (error is UnhandledError { InnerException: var inner } && Data.DatabaseOutage.IsUnavailable(inner))
        {
            return (Data.DatabaseOutage.Message, Data.DatabaseOutage.Code);
        }
        if (error is UnhandledError)
        {
            return (Internal, ErrorCodes.InternalError);
        }
        var code = error.Code ?? ErrorCodes.BadRequest;
        return (error is ILocalizedError localized ? localized.Text : new Msg($"{LibraryErrors.Chinese(code)}：{error.Message}", error.Message), code);
    }
}

/// <summary>What kind of mistake each of GraphQL.NET's error codes means, in Chinese.</summary>
public static class LibraryErrors
{
    private static readonly Dictionary<string, string> Kinds = new(StringComparer.Ordinal)
    {
        ["SYNTAX_ERROR"] = "查询语句有语法错误",
        ["FIELDS_ON_CORRECT_TYPE"] = "查询了不存在的字段",
        ["KNOWN_ARGUMENT_NAMES"] = "使用了不存在的参数",
        ["ARGUMENTS_OF_CORRECT_TYPE"] = "参数值不符合要求",
        ["PROVIDED_REQUIRED_ARGUMENTS"] = "缺少必填参数",
        ["PROVIDED_NON_NULL_ARGUMENTS"] = "缺少必填参数",
        ["SCALAR_LEAFS"] = "字段的子字段选择有误",
        ["KNOWN_TYPE_NAMES"] = "使用了不存在的类型",
        ["VARIABLES_ARE_INPUT_TYPES"] = "变量类型有误",
        ["VARIABLES_IN_ALLOWED_POSITION"] = "变量类型与使用位置不符",
        ["NO_UNDEFINED_VARIABLES"] = "使用了未定义的变量",
        ["NO_UNUSED_VARIABLES"] = "定义了未使用的变量",
        ["INVALID_VALUE"] = "变量值不符合要求",
        ["INVALID_OPERATION"] = "请求的操作无效",
        ["KNOWN_FRAGMENT_NAMES"] = "使用了不存在的片段",
        ["NO_UNUSED_FRAGMENTS"] = "定义了未使用的片段",
        ["UNIQUE_ARGUMENT_NAMES"] = "参数重复",
        ["UNIQUE_INPUT_FIELD_NAMES"] = "输入字段重复",
        ["UNIQUE_OPERATION_NAMES"] = "操作名称重复",
        ["UNIQUE_VARIABLE_NAMES"] = "变量名称重复",
        ["LONE_ANONYMOUS_OPERATION"] = "匿名操作只能有一个",
        ["OVERLAPPING_FIELDS_CAN_BE_MERGED"] = "同名字段冲突",
        ["KNOWN_DIRECTIVES"] = "使用了不存在的指令",
        ["COMPLEXITY"] = "查询过于复杂",
        ["TIMEOUT"] = "请求超时",
    };

    public static string Chinese(string? code) => code is not null && Kinds.TryGetValue(code, out var kind) ? kind : "请求有误";
}
