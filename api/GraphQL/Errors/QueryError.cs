using GraphQL;
using PetitionGraph.Api.Language;

namespace PetitionGraph.Api.GraphQL.Errors;

/// <summary>An error whose message is written in both languages; the error info provider shows the request's.</summary>
public interface ILocalizedError
{
    Msg Text { get; }
}

/// <summary>A mistake in a request that a person can fix; reported with its code, never as an internal error.</summary>
public sealed class QueryError : ExecutionError, ILocalizedError
{
    public QueryError(string code, Msg message) : base(message.En)
    {
        Code = code;
        Text = message;
    }

    public Msg Text { get; }
}

/// <summary>A validation error (a role or scope refused before anything runs) in both languages.</summary>
public sealed class LocalizedValidationError : global::GraphQL.Validation.ValidationError, ILocalizedError
{
    public LocalizedValidationError(GraphQLParser.ROM source, string code, Msg message, GraphQLParser.AST.ASTNode node)
        : base(source, null, message.En, node)
    {
        Code = code;
        Text = message;
    }

    public Msg Text { get; }
}
