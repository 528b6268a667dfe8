using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;

namespace PetitionGraph.Api.GraphQL.Execution;

/// <summary>
/// GraphQL.NET's serial strategy (one DbContext per request: query fields run one at a time, DataLoaders still batch
/// each level), with the fields of a selection set collected once per object type instead of once per object.
/// A page of 100 cases collected the same nine fields 100 times (~5 % of the API's CPU, BENCHMARKS.md). Collection
/// depends only on the selection set and the type unless @skip/@include decide with variables, so documents with
/// directives take GraphQL.NET's own path.
/// </summary>
public sealed class QueryExecutionStrategy : SerialExecutionStrategy
{
    private static readonly ConditionalWeakTable<GraphQLSelectionSet, ConcurrentDictionary<IGraphType, (GraphQLField Field, FieldType Definition)[]>> Collected = new();

    protected override void SetSubFieldNodes(global::GraphQL.Execution.ExecutionContext context, ObjectExecutionNode parent)
    {
        if (context.DirectiveValues?.Count > 0 || parent.SelectionSet is not { } selectionSet)
        {
            base.SetSubFieldNodes(context, parent);
            return;
        }
        var parentType = parent.GetObjectGraphType(context.Schema) ?? parent.GraphType;
        var fields = Collected.GetOrCreateValue(selectionSet).GetOrAdd(parentType,
            type => [.. CollectFieldsFrom(context, type, selectionSet, null).Values]);
        var subFields = new ExecutionNode[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            var (field, definition) = fields[i];
            subFields[i] = BuildExecutionNode(parent, definition.ResolvedType!, field, definition);
        }
        parent.SubFields = subFields;
    }
}
