using GraphQL.Types;
using PetitionGraph.Api.GraphQL.Mutations;

namespace PetitionGraph.Api.Cases.Mutations;

/// <summary>The result of a case mutation: the case as it now stands, or why nothing changed.</summary>
public sealed record CasePayload(Case? Case, IReadOnlyList<UserError> UserErrors)
{
    public static CasePayload Ok(Case c) => new(c, []);
    public static CasePayload Refused(UserError error) => new(null, [error]);
}

public sealed class CasePayloadType : ObjectGraphType<CasePayload>
{
    public CasePayloadType(string name)
    {
        Name = name;
        Field<CaseType>("case").Description("The case after the change; null when refused.").Resolve(c => c.Source.Case);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("userErrors")
            .Description("Empty on success.").Resolve(c => c.Source.UserErrors);
    }
}
