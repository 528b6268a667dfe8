namespace PetitionGraph.Api.GraphQL.Errors;

/// <summary>Values of <c>extensions.code</c> that PetitionGraph itself sets (GraphQL.NET sets its own for syntax and validation).</summary>
public static class ErrorCodes
{
    public const string InvalidId = "INVALID_ID";
    public const string InvalidCursor = "INVALID_CURSOR";
    public const string PageSize = "PAGE_SIZE";
    public const string InvalidArgument = "INVALID_ARGUMENT";
    public const string BadRequest = "BAD_REQUEST";
    public const string InternalError = "INTERNAL_ERROR";
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Forbidden = "FORBIDDEN";
    /// <summary>The code GraphQL.NET's complexity analyzer gives; the document guard uses the same one.</summary>
    public const string TooComplex = "COMPLEXITY";
    public const string Timeout = "TIMEOUT";
    public const string RateLimited = "RATE_LIMITED";
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";
    public const string PersistedDocumentRequired = "PERSISTED_DOCUMENT_REQUIRED";
    public const string PersistedDocumentNotFound = "PERSISTED_DOCUMENT_NOT_FOUND";
}
