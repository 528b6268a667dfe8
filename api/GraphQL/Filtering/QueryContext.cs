namespace PetitionGraph.Api.GraphQL.Filtering;

/// <summary>
/// What a filter or sort may depend on besides the row: the instant the request is answered as of,
/// so that time-dependent fields (overdue, in backlog) agree across one request.
/// </summary>
public sealed class QueryContext(TimeProvider clock)
{
    public DateTime Now { get; } = clock.GetUtcNow().UtcDateTime;
}
