using GraphQLParser.AST;
using GraphQLParser.Visitors;
using PetitionGraph.Api.GraphQL.Projection;
using PetitionGraph.Api.Language;

namespace PetitionGraph.Api.Workbench.Export;

/// <summary>
/// How a query is exported page by page: the first connection in the operation (a field that selects <c>nodes</c> or
/// <c>edges</c>) is asked for its <c>pageInfo</c> and takes its cursor from a variable, so every page is the same
/// document text (parsed, checked and cached once) with another cursor. A connection asked backwards
/// (<c>last</c>/<c>before</c>) is exported as the one page it gives.
/// </summary>
internal sealed class ExportPlan
{
    public const string PageInfoAlias = "petitionGraphExportPageInfo";
    private const string CursorVariable = "petitionGraphExportAfter";

    private ExportPlan(string query, GraphQLOperationDefinition operation, GraphQLDocument document, string? afterVariable, string? firstVariable,
        IReadOnlyList<string>? connectionPath)
    {
        FirstVariable = firstVariable;
        Query = query;
        Operation = operation;
        Document = document;
        AfterVariable = afterVariable;
        ConnectionPath = connectionPath;
    }

    /// <summary>The operation's own name (null when the query has none), for the audit trail and the file.</summary>
    public string? Name { get; private init; }

    /// <summary>The document to run for every page.</summary>
    public string Query { get; }

    public GraphQLOperationDefinition Operation { get; }

    public GraphQLDocument Document { get; }

    /// <summary>The variable that carries the cursor, or null when the result is one page.</summary>
    public string? AfterVariable { get; }

    /// <summary>The query's own variable for <c>first</c>, set to the largest page; null when the plan wrote it.</summary>
    public string? FirstVariable { get; }

    /// <summary>Response keys from the root to the paged connection (no list on the way).</summary>
    public IReadOnlyList<string>? ConnectionPath { get; }

    /// <summary>Null with a reason when the document cannot be exported (not a query, not one operation).</summary>
    public static async Task<(ExportPlan? Plan, Msg? Problem)> CreateAsync(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = operationName is null
            ? (operations.Count == 1 ? operations[0] : null)
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
        if (operation is null)
        {
            return (null, operationName is null
                ? new Msg("查询文本中有多个操作：请指明要导出哪一个（operationName）。", "The document has several operations: name the one to export (operationName).")
                : new Msg($"查询文本中没有名为 {operationName} 的操作。", $"The document has no operation named {operationName}."));
        }
        if (operation.Operation != OperationType.Query)
        {
            return (null, new Msg("只有查询（query）可以导出；变更和订阅不产生列表。", "Only a query can be exported; mutations and subscriptions change or wait, they do not list."));
        }
        var name = operation.Name?.StringValue;
        string? after = null, first = null;
        IReadOnlyList<string>? path = null;
        if (FirstConnection(document, operation.SelectionSet, []) is { } found && !HasArgument(found.Field, "last") && !HasArgument(found.Field, "before"))
        {
            after = PageByVariable(operation, found.Field);
            first = SetFirst(found.Field);
            found.Field.SelectionSet!.Selections.Add(PageInfo());
            path = found.Path;
        }
        var printed = new StringWriter();
        await new SDLPrinter().PrintAsync(document, printed);
        return (new ExportPlan(printed.ToString(), operation, document, after, first, path) { Name = name }, null);
    }

    public static string Key(GraphQLField field) => (field.Alias?.Name ?? field.Name).StringValue;

    private static (GraphQLField Field, List<string> Path)? FirstConnection(GraphQLDocument document, GraphQLSelectionSet? set, List<string> path)
    {
        foreach (var field in Selections.Fields(set, document))
        {
            if (field.SelectionSet is null)
            {
                continue;
            }
            var inner = Selections.Fields(field.SelectionSet, document).Select(f => f.Name.StringValue).ToList();
            if (inner.Contains("nodes") || inner.Contains("edges"))
            {
                return (field, [.. path, Key(field)]);
            }
            if (FirstConnection(document, field.SelectionSet, [.. path, Key(field)]) is { } deeper)
            {
                return deeper;
            }
        }
        return null;
    }

    private static bool HasArgument(GraphQLField field, string name) => field.Arguments?.Items.Any(a => a.Name.StringValue == name) == true;

    /// <summary>
    /// <c>after</c> from a variable: the query's own when it has one (so it is not left unused), else a new one.
    /// </summary>
    private static string PageByVariable(GraphQLOperationDefinition operation, GraphQLField field)
    {
        var existing = field.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == "after");
        if (existing?.Value is GraphQLVariable own)
        {
            return own.Name.StringValue;
        }
        field.Arguments ??= new GraphQLArguments([]);
        field.Arguments.Items.RemoveAll(a => a.Name.StringValue == "after");
        field.Arguments.Items.Add(new GraphQLArgument(new GraphQLName("after"), new GraphQLVariable(new GraphQLName(CursorVariable))));
        // GraphQLParser prints an anonymous query as the shorthand "{ … }", which cannot declare a variable: name it.
        operation.Name ??= new GraphQLName("PetitionGraphExport");
        operation.Variables ??= new GraphQLVariablesDefinition([]);
        operation.Variables.Items.Add(new GraphQLVariableDefinition(new GraphQLVariable(new GraphQLName(CursorVariable)), new GraphQLNamedType(new GraphQLName("String"))));
        return CursorVariable;
    }

    /// <summary>The largest page the API gives; a query that takes <c>first</c> from a variable keeps it (returned, to be set).</summary>
    private static string? SetFirst(GraphQLField field)
    {
        var first = field.Arguments!.Items.FirstOrDefault(a => a.Name.StringValue == "first");
        if (first?.Value is GraphQLVariable variable)
        {
            return variable.Name.StringValue;
        }
        field.Arguments.Items.RemoveAll(a => a.Name.StringValue == "first");
        field.Arguments.Items.Add(new GraphQLArgument(new GraphQLName("first"), new GraphQLIntValue(GraphQL.Relay.PageRequest.MaxSize)));
        return null;
    }

    private static GraphQLField PageInfo() => new(new GraphQLName("pageInfo"))
    {
        Alias = new GraphQLAlias(new GraphQLName(PageInfoAlias)),
        SelectionSet = new GraphQLSelectionSet([new GraphQLField(new GraphQLName("hasNextPage")), new GraphQLField(new GraphQLName("endCursor"))]),
    };
}
