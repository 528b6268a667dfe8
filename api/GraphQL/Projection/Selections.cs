using GraphQL;
using GraphQLParser.AST;

namespace PetitionGraph.Api.GraphQL.Projection;

/// <summary>Reads which fields a query selects at a position, through fragments and inline fragments.</summary>
public static class Selections
{
    /// <summary>Fields selected on the objects this field returns.</summary>
    public static List<GraphQLField> OfObject(IResolveFieldContext context) =>
        Fields(context.FieldAst.SelectionSet, context.Document).ToList();

    /// <summary>Fields selected on the nodes of a connection: <c>nodes { … }</c> and <c>edges { node { … } }</c>.</summary>
    public static List<GraphQLField> OfNodes(IResolveFieldContext context)
    {
        var selected = new List<GraphQLField>();
        foreach (var field in Fields(context.FieldAst.SelectionSet, context.Document))
        {
            switch (field.Name.StringValue)
            {
                case "nodes":
                    selected.AddRange(Fields(field.SelectionSet, context.Document));
                    break;
                case "edges":
                    foreach (var node in Fields(field.SelectionSet, context.Document).Where(f => f.Name.StringValue == "node"))
                    {
                        selected.AddRange(Fields(node.SelectionSet, context.Document));
                    }
                    break;
            }
        }
        return selected;
    }

    public static IEnumerable<GraphQLField> Fields(GraphQLSelectionSet? set, GraphQLDocument document)
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
