using GraphQL;

namespace PetitionGraph.Api.GraphQL.Errors;

/// <summary>A mistake in a request that a person can fix; reported with its code, never as an internal error.</summary>
public sealed class QueryError : ExecutionError
{
    public QueryError(string code, string message) : base(message) => Code = code;
}
