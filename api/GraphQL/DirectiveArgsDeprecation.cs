using GraphQL.Types;

namespace PetitionGraph.Api.GraphQL;

/// <summary>
/// <c>__Directive.args(includeDeprecated:)</c>, which graphql-js 16 and 17 ask for when <c>inputValueDeprecation</c> is on
/// and GraphQL.NET 8 lacks (it has the argument on fields' args and input fields only). No directive argument here is
/// deprecated, so the answer is the same either way; the argument only has to be accepted.
/// </summary>
public static class DirectiveArgsDeprecation
{
    public static void AddArgument(IGraphType type)
    {
        if (type is global::GraphQL.Introspection.__Directive directive && directive.GetField("args") is { } args
            && args.Arguments?.Find("includeDeprecated") is null)
        {
            args.Arguments ??= [];
            args.Arguments.Add(new QueryArgument<BooleanGraphType>
            {
                Name = "includeDeprecated",
                Description = "Also deprecated arguments (none of the directives here has one).",
                DefaultValue = false,
            });
        }
    }
}
