using GraphQL;
using GraphQL.Execution;

namespace PetitionGraph.Api.GraphQL.Errors;

/// <summary>
/// Every error carries <c>extensions.code</c>. An unexpected exception is logged on the server and shown
/// as INTERNAL_ERROR with no details: never a stack trace, never an exception type.
/// </summary>
public sealed class PetitionErrorInfoProvider() : ErrorInfoProvider(new ErrorInfoProviderOptions { ExposeExceptionDetails = false })
{
    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        if (executionError is UnhandledError { InnerException: var inner } && Data.DatabaseOutage.IsUnavailable(inner))
        {
            return new ErrorInfo
            {
                Message = Data.DatabaseOutage.Message,
                Extensions = new Dictionary<string, object?> { ["code"] = Data.DatabaseOutage.Code },
            };
        }
        if (executionError is UnhandledError)
        {
            return new ErrorInfo
            {
                Message = "An internal error occurred; it has been logged. Please report the time of the request.",
                Extensions = new Dictionary<string, object?> { ["code"] = ErrorCodes.InternalError },
            };
        }
        var info = base.GetInfo(executionError);
        info.Extensions ??= new Dictionary<string, object?>();
        if (!info.Extensions.ContainsKey("code"))
        {
            info.Extensions["code"] = ErrorCodes.BadRequest;
        }
        return info;
    }
}
