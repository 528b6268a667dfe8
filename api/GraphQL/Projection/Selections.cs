using GraphQL;
using GraphQLParser.AST;

namespace PetitionGraph.Api.GraphQL.Projection;

/// <summary>Reads which fields a query selects at a position, through fragments and inline fragments.</summary>
public static class Selections
{
    /// <summary>Fields selected on the objects this field returns.</summary>
    public static HashSet<string> OfObject(IResolveFieldContext context) =>
        Names(context.FieldAst.SelectionSet, context.Document);

    /// <summary>Fields selected on the nodes of a connection: <c>nodes { … }</c> and <c>edges { node { … } }</c>.</summary>
    public static HashSet<string> OfNodes(IResolveFieldContext context)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in Fields(context.FieldAst.SelectionSet, context.Document))
        {
            switch (field.Name.StringValue)
            {
                case "nodes":
                    names.UnionWith(Names(field.SelectionSet, context.Document));
                    break;
                case "edges":
                    foreach (var node in Fields(field.SelectionSet, context.Document).Where(f => f.Name.StringValue == "node"))
                    {
                        names.UnionWith(Names(node.SelectionSet, context.Document));
                    }
                    break;
            }
        }
        return names;
    }

    private static HashSet<string> Names(GraphQLSelectionSet? set, GraphQLDocument document) =>
        Fields(set, document).Select(f => f.Name.StringValue).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<GraphQLField> Fields(GraphQLSelectionSet? set, GraphQLDocument document)
    {
        foreach (var selection in set?.Selections ?? [])
        {
            switch (selection)
            {
                case GraphQLField field:
                    yield return field;
                    break;
                case GraphQLInlineFragment inline:
                    foreach (var f in Fields(inline.SelectionSet, document))
                    {
                        yield return f;
                    }
                    break;
                case GraphQLFragmentSpread spread:
                    var definition = document.Definitions.OfType<GraphQLFragmentDefinition>()
                        .FirstOrDefault(d => d.FragmentName.Name.StringValue == spread.FragmentName.Name.StringValue);
                    foreach (var f in Fields(definition?.SelectionSet, document))
                    {
                        yield return f;
                    }
                    break;
            }
        }
    }
}
