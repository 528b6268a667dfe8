using GraphQLParser.AST;

namespace PetitionGraph.Api.GraphQL.Http;

/// <summary>
/// What a document selects with its fragments expanded — without expanding them: each fragment is measured once per
/// mode and remembered, so the walk is linear in the document's length. Data fields count towards <see cref="Depth"/>;
/// fields under <c>__schema</c> and <c>__type</c> towards <see cref="IntrospectionDepth"/> and, for the lists among
/// them (types, fields, args, …), <see cref="IntrospectionLists"/>: graphql-js's <c>getIntrospectionQuery()</c> nests
/// 13–15 fields but only three lists (types › fields › args), while <c>types { fields { type { fields { type { fields
/// … } } } } }</c> multiplies the schema by itself with each list.
/// </summary>
public readonly record struct DocumentShape(long Fields, int Depth, int IntrospectionDepth, int IntrospectionLists)
{
    public const int MaxIntrospectionDepth = 24;
    public const int MaxIntrospectionLists = 3;

    /// <summary>Introspection fields whose value is a list of schema elements.</summary>
    private static readonly HashSet<string> ListFields = ["types", "fields", "inputFields", "interfaces", "possibleTypes", "enumValues", "args", "directives"];

    public static DocumentShape Of(GraphQLDocument document, long maxFields)
    {
        var walker = new Walker(document, maxFields + 1);
        var total = default(DocumentShape);
        foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
        {
            total = walker.Siblings(total, walker.Set(operation.SelectionSet, introspection: false));
        }
        return total;
    }

    private sealed class Walker(GraphQLDocument document, long cap)
    {
        private const int MaxFragmentChain = 200;
        private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        private readonly Dictionary<(string, bool), DocumentShape> _measured = [];
        private readonly HashSet<(string, bool)> _visiting = [];

        public DocumentShape Siblings(DocumentShape a, DocumentShape b) => new(
            Math.Min(cap, a.Fields + b.Fields), Math.Max(a.Depth, b.Depth), Math.Max(a.IntrospectionDepth, b.IntrospectionDepth),
            Math.Max(a.IntrospectionLists, b.IntrospectionLists));

        public DocumentShape Set(GraphQLSelectionSet? set, bool introspection)
        {
            var total = default(DocumentShape);
            foreach (var selection in set?.Selections ?? [])
            {
                total = Siblings(total, selection switch
                {
                    GraphQLField field => Field(field, introspection),
                    GraphQLInlineFragment inline => Set(inline.SelectionSet, introspection),
                    GraphQLFragmentSpread spread => Spread(spread.FragmentName.Name.StringValue, introspection),
                    _ => default,
                });
                if (total.Fields >= cap)
                {
                    return total;
                }
            }
            return total;
        }

        private DocumentShape Field(GraphQLField field, bool introspection)
        {
            var name = field.Name.StringValue;
            if (!introspection && name is "__schema" or "__type")
            {
                var schema = Set(field.SelectionSet, introspection: true);
                return new(Math.Min(cap, 1 + schema.Fields), 1, 1 + schema.IntrospectionDepth, schema.IntrospectionLists);
            }
            var inner = Set(field.SelectionSet, introspection);
            return introspection
                ? new(Math.Min(cap, 1 + inner.Fields), 0, 1 + inner.IntrospectionDepth, (ListFields.Contains(name) ? 1 : 0) + inner.IntrospectionLists)
                : new(Math.Min(cap, 1 + inner.Fields), 1 + inner.Depth, inner.IntrospectionDepth, inner.IntrospectionLists);
        }

        private DocumentShape Spread(string name, bool introspection)
        {
            if (_measured.TryGetValue((name, introspection), out var known))
            {
                return known;
            }
            // An unknown or cyclic spread counts nothing here; validation reports it.
            if (!_fragments.TryGetValue(name, out var fragment) || !_visiting.Add((name, introspection)))
            {
                return default;
            }
            if (_visiting.Count > MaxFragmentChain)
            {
                return new(cap, 0, 0, 0); // a chain of spreads this long is refused before it can exhaust the stack
            }
            var shape = Set(fragment.SelectionSet, introspection);
            _visiting.Remove((name, introspection));
            _measured[(name, introspection)] = shape;
            return shape;
        }
    }
}
