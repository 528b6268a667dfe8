using System.Buffers.Text;
using System.Globalization;
using System.Text;
using GraphQL;
using GraphQL.Types;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.Errors;
using PetitionGraph.Api.GraphQL.Filtering;
using PetitionGraph.Api.GraphQL.Relay;
using PetitionGraph.Api.Language;

namespace PetitionGraph.Api.Changes;

public static class ChangeQueries
{
    public const int DefaultPage = 100;
    public const int MaxPage = 500;

    public static void AddChangeQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ConnectionType<ChangeType, Change>>>("changes")
            .Description("变更流: what changed, in commit order, after a cursor. A district system keeps pageInfo.endCursor and asks " +
                "again with after: it; entries about cases you may not see are not in your feed.")
            .Argument<StringGraphType>("after", "The endCursor of the last page you read; from the beginning when omitted.")
            .Argument<IntGraphType>("first", $"Entries to read: {DefaultPage} when omitted, at most {MaxPage}.")
            .Argument<FilterInputType<Change>>("where", "Only entries that match (kind, at, entityType, or the case by the cases query's filter).")
            .ResolveAsync(async c => await ReadAsync(c));
    }

    private static async Task<Connection<Change>> ReadAsync(IResolveFieldContext c)
    {
        var first = c.GetArgument("first", DefaultPage);
        if (first is < 0 or > MaxPage)
        {
            throw new QueryError(ErrorCodes.PageSize, new Msg($"first 须在 0 到 {MaxPage} 之间，本次为 {first}。", $"first must be between 0 and {MaxPage}; it was {first}."));
        }
        var after = c.GetArgument<string?>("after") is { } cursor ? Decode(cursor) : 0;
        var where = c.Arguments is { } args && args.TryGetValue("where", out var w) ? w.Value as IDictionary<string, object?> : null;
        var rows = await ChangeFeed.ReadAsync(c.Db(), c.Scope(), c.QueryContext(), where, after, first + 1, c.CancellationToken);
        var more = rows.Count > first;
        var page = rows.Take(first).ToList();
        var edges = page.Select(ch => new Edge<Change>(ch, () => Encode(ch.Sequence))).ToList();
        // With nothing new, the end cursor stays where the reader was, so a consumer can keep it and ask again.
        var end = edges.Count > 0 ? edges[^1].Cursor : c.GetArgument<string?>("after");
        return new Connection<Change>(edges, new PageInfo(more, after > 0, edges.Count > 0 ? edges[0].Cursor : null, end), null);
    }

    public static string Encode(long sequence) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes("change:" + sequence.ToString(CultureInfo.InvariantCulture)));

    public static long Decode(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            if (text.StartsWith("change:", StringComparison.Ordinal) && long.TryParse(text.AsSpan(7), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            {
                return sequence;
            }
        }
        catch (FormatException)
        {
        }
        static string Shown(string cursor) => cursor.Length > 40 ? cursor[..40] + "…" : cursor;
        throw new QueryError(ErrorCodes.InvalidCursor, new Msg($"“{Shown(cursor)}”不是变更记录的游标。", $"'{Shown(cursor)}' is not a cursor of the change feed."));
    }
}
