namespace PetitionGraph.Api.GraphQL.Relay;

/// <summary>An item with its position; the cursor text is made only if a client asks for it.</summary>
public sealed class Edge<T>(T node, Func<string> cursor)
{
    private string? _cursor;

    public T Node { get; } = node;

    public string Cursor => _cursor ??= cursor();
}

public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

/// <summary>One page of a list. <see cref="TotalCount"/> is counted only when the query asks for it.</summary>
public sealed record Connection<T>(IReadOnlyList<Edge<T>> Edges, PageInfo PageInfo, int? TotalCount);
