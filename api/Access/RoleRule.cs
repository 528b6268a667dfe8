using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using PetitionGraph.Api.GraphQL.Errors;

namespace PetitionGraph.Api.Access;

/// <summary>Which roles may use a field: declared on the field, enforced for every document by <see cref="RoleRule"/>.</summary>
public static class RoleRequirements
{
    public const string Key = "petitiongraph:roles";

    public static TMetadataWriter RequireRoles<TMetadataWriter>(this TMetadataWriter field, params Role[] roles)
        where TMetadataWriter : IMetadataWriter
    {
        field.Metadata[Key] = roles;
        return field;
    }

    public static IReadOnlyList<Role>? RequiredRoles(this IMetadataReader field) => field.GetMetadata<Role[]?>(Key);
}

/// <summary>
/// One validation rule for the whole schema: a field that requires roles is refused (FORBIDDEN) to any other caller
/// before anything runs. It also runs for cached documents, since the same text may come from different callers.
/// </summary>
public sealed class RoleRule : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var caller = Caller.From(context.User);
        var integrationFields = caller is { Role: Role.Integration }
            ? caller.Scopes.SelectMany(scope => ApiClient.ScopeFields.GetValueOrDefault(scope) ?? []).ToHashSet(StringComparer.Ordinal)
            : null;
        return new(new MatchingNodeVisitor<GraphQLField>((field, ctx) =>
        {
            var root = ctx.TypeInfo.GetParentType()?.Name is "Query" or "Mutation" or "Subscription";
            if (integrationFields is not null && root && !field.Name.StringValue.StartsWith("__", StringComparison.Ordinal)
                && !integrationFields.Contains(field.Name.StringValue))
            {
                ctx.ReportError(new ValidationError(ctx.Document.Source, null,
                    $"'{field.Name.StringValue}' is outside this client's scopes ({string.Join(' ', caller!.Scopes)}).", field)
                { Code = ErrorCodes.Forbidden });
            }
            else if (ctx.TypeInfo.GetFieldDef()?.RequiredRoles() is { } roles && (caller is null || !roles.Contains(caller.Role)))
            {
                ctx.ReportError(new ValidationError(ctx.Document.Source, null,
                    $"'{field.Name.StringValue}' is for {string.Join(", ", roles.Select(r => Data.EnumNames.Name(r)))}; your role is {(caller is null ? "none" : Data.EnumNames.Name(caller.Role))}.",
                    field)
                { Code = ErrorCodes.Forbidden });
            }
        }));
    }
}
