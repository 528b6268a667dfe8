using System.Text;
using GraphQLParser;
using GraphQLParser.Exceptions;

namespace PetitionGraph.Api.GraphQL.Http;

/// <summary>
/// A document as the audit trail keeps it: its shape without its values. Strings and numbers typed into a query (a
/// name in a filter, an ID number) are personal data the audit must not hand to whoever reads the trail, so every
/// literal becomes a placeholder and comments are dropped; names, fields, variables and enum values stay.
/// </summary>
public static class OperationText
{
    public const int MaxLength = 400;

    public static string WithoutValues(string query)
    {
        var text = new StringBuilder();
        var position = 0;
        try
        {
            while (text.Length < MaxLength)
            {
                var token = Lexer.Lex(query, position);
                if (token.Kind == TokenKind.EOF)
                {
                    break;
                }
                position = token.End;
                if (token.Kind == TokenKind.COMMENT)
                {
                    continue;
                }
                if (text.Length > 0 && NeedsSpace(text[^1], token.Kind))
                {
                    text.Append(' ');
                }
                text.Append(token.Kind switch
                {
                    TokenKind.STRING => "\"…\"",
                    TokenKind.INT or TokenKind.FLOAT => "0",
                    _ => query[token.Start..token.End],
                });
            }
        }
        catch (GraphQLSyntaxErrorException)
        {
            return "(not a valid GraphQL document)";
        }
        return text.Length <= MaxLength ? text.ToString() : text.ToString(0, MaxLength) + "…";
    }

    private static bool NeedsSpace(char previous, TokenKind next) =>
        (char.IsLetterOrDigit(previous) || previous is '_' or '"' or '…') && next is TokenKind.NAME or TokenKind.INT or TokenKind.FLOAT or TokenKind.STRING or TokenKind.DOLLAR;
}
