using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using PetitionGraph.Api.GraphQL.Errors;
using PetitionGraph.Api.Language;

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
                ctx.ReportError(new LocalizedValidationError(ctx.Document.Source, ErrorCodes.Forbidden, new Msg(
                    $"“{field.Name.StringValue}”不在此客户端的权限范围（{string.Join(' ', caller!.Scopes)}）之内。",
                    $"'{field.Name.StringValue}' is outside this client's scopes ({string.Join(' ', caller!.Scopes)})."), field));
            }
            else if (ctx.TypeInfo.GetFieldDef()?.RequiredRoles() is { } roles && (caller is null || !roles.Contains(caller.Role)))
            {
                var allowed = string.Join(", ", roles.Select(r => Data.EnumNames.Name(r)));
                var yours = caller is null ? "none" : Data.EnumNames.Name(caller.Role);
                ctx.ReportError(new LocalizedValidationError(ctx.Document.Source, ErrorCodes.Forbidden, new Msg(
                    $"“{field.Name.StringValue}”仅供 {allowed} 使用；你的角色是 {yours}。",
                    $"'{field.Name.StringValue}' is for {allowed}; your role is {yours}."), field));
            }
        }));
    }
}
