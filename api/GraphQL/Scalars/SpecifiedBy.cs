using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace PetitionGraph.Api.GraphQL.Scalars;

/// <summary>
/// <c>@specifiedBy(url:)</c> on a custom scalar and its introspection field <c>__Type.specifiedByURL</c> (GraphQL spec,
/// October 2021), which GraphQL.NET 8 lacks: tools asking for it (graphql-js <c>getIntrospectionQuery({ specifiedByUrl:
/// true })</c>) would otherwise be refused.
/// </summary>
public static class SpecifiedBy
{
    public const string DirectiveName = "specifiedBy";

    /// <summary>Marks the scalar with the URL of the specification its values follow.</summary>
    public static void Specify(this ScalarGraphType scalar, string url) => scalar.ApplyDirective(DirectiveName, "url", url);

    public static string? UrlOf(object? type) =>
        type is ScalarGraphType scalar && scalar.FindAppliedDirective(DirectiveName) is { } applied
            ? applied.FindArgument("url")?.Value as string
            : null;

    /// <summary>Adds <c>specifiedByURL</c> to the introspection type <c>__Type</c>, before the schema initialises it.</summary>
    public static void AddIntrospectionField(IGraphType type)
    {
        if (type is global::GraphQL.Introspection.__Type introspection && !introspection.HasField("specifiedByURL"))
        {
            introspection.Field<StringGraphType>("specifiedByURL")
                .Description("For a custom scalar, the URL of the specification its values follow.")
                .Resolve(c => UrlOf(c.Source));
        }
    }

    public sealed class Directive : global::GraphQL.Types.Directive
    {
        public Directive() : base(DirectiveName, DirectiveLocation.Scalar)
        {
            Description = "Exposes a URL that specifies the behaviour of this scalar.";
            Arguments = new QueryArguments(new QueryArgument<NonNullGraphType<StringGraphType>>
            {
                Name = "url",
                Description = "The URL that specifies the behaviour of this scalar.",
            });
        }
    }
}
