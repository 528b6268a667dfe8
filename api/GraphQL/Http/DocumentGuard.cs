using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.DI;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.GraphQL.Errors;

namespace PetitionGraph.Api.GraphQL.Http;

/// <summary>
/// Refuses a document whose selections, with every fragment spread expanded, exceed <see cref="RequestLimits.MaxFields"/>
/// — before any validation rule runs. Fragments that each spread the previous one twice make a kilobyte of text expand
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
                return problem is null ? next(options) : Refuse(SyntaxError, problem);
            }
            options.Document = parsed;
        }
        if (options.Document is { } document && !Checked.TryGetValue(document, out _))
        {
            var size = ExpandedSize.Of(document, limits.MaxFields);
            if (size > limits.MaxFields)
            {
                return Refuse(ErrorCodes.TooComplex,
                    $"The document selects more than {limits.MaxFields} fields once its fragments are expanded; ask for less, or in several requests.");
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
    public static (GraphQLDocument? Document, string? Problem) TryParse(string query)
    {
        try
        {
            return (Parser.Parse(query, new ParserOptions { Ignore = IgnoreOptions.Comments, MaxDepth = ParserDepth }), null);
        }
        catch (GraphQLMaxDepthExceededException)
        {
            return (null, $"The document is nested more than {ParserDepth} levels deep.");
        }
        catch (GraphQLSyntaxErrorException)
        {
            return (null, null);
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return (null, "The document is not valid GraphQL (a syntax error next to a line break).");
        }
    }

    public const string SyntaxError = "SYNTAX_ERROR";

    private static Task<ExecutionResult> Refuse(string code, string message) =>
        Task.FromResult(new ExecutionResult { Executed = false, Errors = [new QueryError(code, message)] });

    /// <summary>Fields selected by a document with its fragments expanded, counted once per fragment; stops above a bound.</summary>
    internal sealed class ExpandedSize
    {
        private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = new(StringComparer.Ordinal);
        private readonly Dictionary<string, long> _sizes = new(StringComparer.Ordinal);
        private readonly HashSet<string> _visiting = new(StringComparer.Ordinal);
        private readonly long _cap;
        private const int MaxFragmentChain = 200;

        private ExpandedSize(GraphQLDocument document, long cap)
        {
            _cap = cap + 1;
            foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
            {
                _fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
            }
        }

        public static long Of(GraphQLDocument document, long bound)
        {
            var counter = new ExpandedSize(document, bound);
            long total = 0;
            foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
            {
                total = Math.Min(counter._cap, total + counter.Count(operation.SelectionSet));
            }
            return total;
        }

        private long Count(GraphQLSelectionSet? set)
        {
            long total = 0;
            foreach (var selection in set?.Selections ?? [])
            {
                total += selection switch
                {
                    GraphQLField field => 1 + Count(field.SelectionSet),
                    GraphQLInlineFragment inline => Count(inline.SelectionSet),
                    GraphQLFragmentSpread spread => Spread(spread.FragmentName.Name.StringValue),
                    _ => 0,
                };
                if (total >= _cap)
                {
                    return _cap;
                }
            }
            return total;
        }

        private long Spread(string name)
        {
            if (_sizes.TryGetValue(name, out var known))
            {
                return known;
            }
            // An unknown or cyclic spread counts nothing here; validation reports it.
            if (!_fragments.TryGetValue(name, out var fragment) || !_visiting.Add(name))
            {
                return 0;
            }
            if (_visiting.Count > MaxFragmentChain)
            {
                return _cap; // a chain of spreads this long is refused before it can exhaust the stack
            }
            var size = Count(fragment.SelectionSet);
            _visiting.Remove(name);
            _sizes[name] = size;
            return size;
        }
    }
}
