using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;

namespace PetitionGraph.Api.GraphQL.Execution;

/// <summary>
/// GraphQL.NET's serial strategy (one DbContext per request: query fields run one at a time, DataLoaders still batch
/// each level), with two shortcuts for what a page of objects repeats:
/// <list type="bullet">
/// <item>The fields of a selection set are collected once per object type instead of once per object. A page of 100
/// cases collected the same nine fields 100 times (~5 % of the API's CPU, BENCHMARKS.md). Collection depends only on
/// the selection set and the type unless @skip/@include decide with variables, so documents with directives take
/// GraphQL.NET's own path.</item>
/// <item>A scalar field that only reads a property of its object (<see cref="PropertyRead"/>) is resolved and
/// serialised when its node is built, instead of being queued, resolved and completed through the executor's async
/// steps with a context of its own. Any surprise (a throwing getter or serialiser, null for a non-null type) leaves
/// the field to the ordinary path, which reports it as it always has.</item>
/// </list>
/// </summary>
public sealed class QueryExecutionStrategy : SerialExecutionStrategy
{
    private static readonly ConditionalWeakTable<GraphQLSelectionSet, ConcurrentDictionary<IGraphType, PlannedField[]>> Collected = new();

    private Stack<ExecutionNode>? _reusableNodes;
    private Queue<ExecutionNode>? _reusableDataLoaderNodes;
    private Stack<ExecutionNode>? _reusableLaterNodes;

    private sealed record PlannedField(GraphQLField Field, FieldType Definition, PropertyRead? Read);

    /// <summary>A leaf whose value was read and serialised as its node was built: nothing is left to execute.</summary>
    private sealed class ReadValueNode(ExecutionNode parent, ScalarGraphType graphType, GraphQLField field, FieldType definition)
        : ValueExecutionNode(parent, graphType, field, definition, null);

    protected override void SetSubFieldNodes(global::GraphQL.Execution.ExecutionContext context, ObjectExecutionNode parent)
    {
        if (context.DirectiveValues?.Count > 0 || parent.SelectionSet is not { } selectionSet)
        {
            base.SetSubFieldNodes(context, parent);
            return;
        }
        var parentType = parent.GetObjectGraphType(context.Schema) ?? parent.GraphType;
        var fields = Collected.GetOrCreateValue(selectionSet).GetOrAdd(parentType,
            type => [.. CollectFieldsFrom(context, type, selectionSet, null).Values.Select(f => new PlannedField(f.field, f.fieldType, PropertyRead.For(f.fieldType)))]);
        var subFields = new ExecutionNode[fields.Length];
        ReadonlyResolveFieldContext? sourceContext = null;
        for (var i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            if (field.Read is { } read)
            {
                var node = new ReadValueNode(parent, read.Scalar, field.Field, field.Definition);
                // One context for all the object's property reads: they read nothing of it but the source.
                sourceContext ??= new ReadonlyResolveFieldContext(node, context);
                if (read.TryRead(sourceContext, out var value))
                {
                    node.Result = value;
                    subFields[i] = node;
                    continue;
                }
            }
            subFields[i] = BuildExecutionNode(parent, field.Definition.ResolvedType!, field.Field, field.Definition);
        }
        parent.SubFields = subFields;
    }

    /// <summary>SerialExecutionStrategy's loop, except that nodes read as they were built are not executed again.</summary>
    public override async Task ExecuteNodeTreeAsync(global::GraphQL.Execution.ExecutionContext context, ExecutionNode rootNode)
    {
        var nodes = Interlocked.Exchange(ref _reusableNodes, null) ?? new Stack<ExecutionNode>();
        var dataLoaderNodes = Interlocked.Exchange(ref _reusableDataLoaderNodes, null) ?? new Queue<ExecutionNode>();
        var laterNodes = Interlocked.Exchange(ref _reusableLaterNodes, null) ?? new Stack<ExecutionNode>();
        nodes.Push(rootNode);
        try
        {
            while (nodes.Count > 0 || dataLoaderNodes.Count > 0)
            {
                while (nodes.Count > 0)
                {
                    var node = nodes.Pop();
                    await ExecuteNodeAsync(context, node).ConfigureAwait(false);
                    Continue(node, dataLoaderNodes, nodes, reverse: true);
                }
                while (dataLoaderNodes.Count > 0)
                {
                    var node = dataLoaderNodes.Dequeue();
                    await CompleteDataLoaderNodeAsync(context, node).ConfigureAwait(false);
                    Continue(node, dataLoaderNodes, laterNodes, reverse: false);
                }
                while (laterNodes.Count > 0)
                {
                    nodes.Push(laterNodes.Pop());
                }
            }
        }
        finally
        {
            nodes.Clear();
            dataLoaderNodes.Clear();
            laterNodes.Clear();
            Interlocked.CompareExchange(ref _reusableNodes, nodes, null);
            Interlocked.CompareExchange(ref _reusableDataLoaderNodes, dataLoaderNodes, null);
            Interlocked.CompareExchange(ref _reusableLaterNodes, laterNodes, null);
        }
    }

    /// <summary>A node still waiting for its DataLoader waits again; otherwise its children that still need executing are next.</summary>
    private static void Continue(ExecutionNode node, Queue<ExecutionNode> dataLoaderNodes, Stack<ExecutionNode> next, bool reverse)
    {
        if (node.Result is IDataLoaderResult)
        {
            dataLoaderNodes.Enqueue(node);
        }
        else if (node is IParentExecutionNode parent)
        {
            parent.ApplyToChildren(PushUnread, next, reverse);
        }
    }

    private static readonly Action<ExecutionNode, Stack<ExecutionNode>> PushUnread = (node, stack) =>
    {
        if (node is not ReadValueNode)
        {
            stack.Push(node);
        }
    };
}
