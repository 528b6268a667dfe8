using System.Collections;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace PetitionGraph.Api.GraphQL.Http;

/// <summary>
/// Strings with a NUL character (U+0000) are refused before anything runs: PostgreSQL cannot store or compare them
/// (error 22021) and SQLite ends a C string there (`endsWith: "\u0000"` matched every case). No petition has one.
/// </summary>
public static class NulStrings
{
    public static readonly Language.Msg Message = new("字符串参数中含有 NUL 字符（\\u0000），此处任何文本都不能包含它；请删除。",
        "A string argument contains the NUL character (\\u0000), which no text here may hold; remove it.");

    public static bool InDocument(GraphQLDocument document)
    {
        var finder = new Finder();
        var context = new FinderContext();
        finder.VisitAsync(document, context).AsTask().GetAwaiter().GetResult();
        return context.Found;
    }

    public static bool InValue(object? value) => value switch
    {
        string text => text.Contains('\0', StringComparison.Ordinal),
        IDictionary<string, object?> map => map.Values.Any(InValue),
        IEnumerable items and not string => items.Cast<object?>().Any(InValue),
        _ => false,
    };

    private sealed class FinderContext : IASTVisitorContext
    {
        public bool Found { get; set; }

        public CancellationToken CancellationToken => CancellationToken.None;
    }

    private sealed class Finder : ASTVisitor<FinderContext>
    {
        protected override ValueTask VisitStringValueAsync(GraphQLStringValue stringValue, FinderContext context)
        {
            context.Found |= stringValue.Value.Span.Contains('\0');
            return default;
        }
    }
}
