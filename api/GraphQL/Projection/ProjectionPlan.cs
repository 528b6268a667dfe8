namespace PetitionGraph.Api.GraphQL.Projection;

/// <summary>
/// What to read of one entity for one position in a query: its columns, and the to-one relations read in the
/// same statement (joined) because everything selected of them is plain columns.
/// </summary>
public sealed record ProjectionPlan(Type EntityType, IReadOnlyList<string> Properties, IReadOnlyDictionary<string, ProjectionPlan> Joins)
{
    /// <summary>Everything selected is a column or a joined relation: no batch loader needed below this level.</summary>
    public bool ColumnsOnly { get; init; }

    /// <summary>Stable text of the plan: part of batch-loader names and the projection cache key.</summary>
    public string Key { get; } = string.Join(',', Properties)
        + string.Concat(Joins.OrderBy(j => j.Key, StringComparer.Ordinal).Select(j => $"|{j.Key}({j.Value.Key})"));
}
