using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.DI;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.GraphQL.Errors;
using PetitionGraph.Api.Language;

namespace PetitionGraph.Api.GraphQL.Http;

/// <summary>
/// Refuses a document whose selections, with every fragment spread expanded, exceed <see cref="RequestLimits.MaxFields"/>
/// or nest deeper than <see cref="RequestLimits.MaxDepth"/> — before any validation rule runs. Introspection is measured
/// on its own terms (<see cref="DocumentShape"/>): bounded by the schema, not the data, it may nest deeper than data
/// queries, but not lists within lists past the standard queries' three. Fragments that each spread the previous one twice make a kilobyte of text expand
/// to 2^24 fields; the validation rules and the complexity analyzer expand them, so such a document used to burn a core
/// for minutes before it was refused. The size is counted without expanding anything: once per fragment, remembered,
/// so the check is linear in the document's length. A document nested past the parser's depth is a syntax error.
/// </summary>
public sealed class DocumentGuard(RequestLimits limits) : IConfigureExecution
{
    /// <summary>GraphQL.NET's own parser depth (GraphQLDocumentBuilder.MaxDepth's default).</summary>
    private const int ParserDepth = 128;

    private static readonly ConditionalWeakTable<GraphQLDocument, object> Checked = [];

    /// <summary>After <see cref="DocumentCache"/> (300): a cached document has passed already.</summary>
    public float SortOrder => 310;

    public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is null && options.Query is { } query)
        {
            var (parsed, problem) = TryParse(query);
            if (parsed is null)
            {
                // A plain syntax error is left to the executer, which reports it with its location.
                return problem is not { } text ? next(options) : Refuse(SyntaxError, text);
            }
            options.Document = parsed;
        }
        if (options.Document is { } document && !Checked.TryGetValue(document, out _))
        {
            var shape = DocumentShape.Of(document, limits.MaxFields);
            if (shape.Fields > limits.MaxFields)
            {
                return Refuse(ErrorCodes.TooComplex, new Msg($"展开片段后，查询选择的字段超过 {limits.MaxFields} 个；请少查一些，或分几次请求。",
                    $"The document selects more than {limits.MaxFields} fields once its fragments are expanded; ask for less, or in several requests."));
            }
            if (shape.Depth > limits.MaxDepth)
            {
                return Refuse(ErrorCodes.TooComplex, new Msg($"查询的字段嵌套了 {shape.Depth} 层；最多允许 {limits.MaxDepth} 层。", $"The document nests fields {shape.Depth} deep; at most {limits.MaxDepth} are allowed."));
            }
            if (shape.IntrospectionDepth > DocumentShape.MaxIntrospectionDepth || shape.IntrospectionLists > DocumentShape.MaxIntrospectionLists)
            {
                return Refuse(ErrorCodes.TooComplex, new Msg(
                    $"内省查询最多嵌套 {DocumentShape.MaxIntrospectionDepth} 层字段、{DocumentShape.MaxIntrospectionLists} 层列表（types › fields › args）；标准的内省查询都在此范围内。",
                    $"Introspection may nest {DocumentShape.MaxIntrospectionDepth} fields and {DocumentShape.MaxIntrospectionLists} lists (types › fields › args) deep; " +
                    "the standard introspection queries stay within that."));
            }
            if (NulStrings.InDocument(document))
            {
                return Refuse(ErrorCodes.InvalidArgument, NulStrings.Message);
            }
            Checked.AddOrUpdate(document, document);
        }
        if (NulStrings.InValue(options.Variables))
        {
            return Refuse(ErrorCodes.InvalidArgument, NulStrings.Message);
        }
        return next(options);
    }

    /// <summary>
    /// Parses as GraphQL.NET does; a document the parser cannot even describe is a syntax error too. (GraphQLParser 9
    /// throws IndexOutOfRangeException while quoting the source around an error next to a bare carriage return.)
    /// </summary>
    public static (GraphQLDocument? Document, Msg? Problem) TryParse(string query)
    {
        try
        {
            return (Parser.Parse(query, new ParserOptions { Ignore = IgnoreOptions.Comments, MaxDepth = ParserDepth }), null);
        }
        catch (GraphQLMaxDepthExceededException)
        {
            return (null, new Msg($"查询语句嵌套超过 {ParserDepth} 层。", $"The document is nested more than {ParserDepth} levels deep."));
        }
        catch (GraphQLSyntaxErrorException)
        {
            return (null, null);
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return (null, new Msg("查询语句不是有效的 GraphQL（换行处有语法错误）。", "The document is not valid GraphQL (a syntax error next to a line break)."));
        }
    }

    public const string SyntaxError = "SYNTAX_ERROR";

    private static Task<ExecutionResult> Refuse(string code, Msg message) =>
        Task.FromResult(new ExecutionResult { Executed = false, Errors = [new QueryError(code, message)] });
}
