using System.Linq.Expressions;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Petitions;

namespace PetitionGraph.Api.Statistics;

/// <summary>A family's facts, counted either in a statement of their own or as one branch of the union.</summary>
internal interface IFactQuery
{
    Task<List<FactTotal>> AggregateAsync(FactPlan plan, CancellationToken ct);

    /// <summary>The facts as rows of the union, keyed by family and bucket; null when the period holds none.</summary>
    IQueryable<FactRow>? Rows(FactPlan plan, int family);
}

/// <summary>
/// Facts of one kind at an instant: the rows, their case, the instant they count at, two optional 0/1 flags summed
/// beside the count, and (for petitions) their own channel and level.
/// </summary>
internal sealed record FactQuery<TSource>(
    IQueryable<TSource> Source, Expression<Func<TSource, Case>> CaseOf, Expression<Func<TSource, DateTime>> At,
    Expression<Func<TSource, int>>? A = null, Expression<Func<TSource, int>>? B = null,
    Expression<Func<TSource, Channel>>? OwnChannel = null, Expression<Func<TSource, PetitionLevel>>? OwnLevel = null) : IFactQuery
{
    public Task<List<FactTotal>> AggregateAsync(FactPlan plan, CancellationToken ct) =>
        plan.Aggregate(Source, CaseOf, At, A, B, OwnChannel, OwnLevel, ct);

    public IQueryable<FactRow>? Rows(FactPlan plan, int family) => plan.Rows(this, family);
}

/// <summary>Backlog spans, counted at every bucket end they cover (stock).</summary>
internal sealed class StockQuery : IFactQuery
{
    public Task<List<FactTotal>> AggregateAsync(FactPlan plan, CancellationToken ct) => plan.StockTotalsAsync(ct);

    public IQueryable<FactRow>? Rows(FactPlan plan, int family) => plan.StockRows(family);
}

/// <summary>One row of the union of every family's facts: its key packs family, bucket and (for stock) the bucket after the span.</summary>
public sealed class FactRow
{
    public int Key { get; init; }
    public int CaseId { get; init; }
    public int A { get; init; }
    public int B { get; init; }
}

/// <summary>The GROUP BY key of the union's rows once joined to their case.</summary>
public sealed class FactRowKey
{
    public int Key { get; init; }
    public int Category { get; init; }
    public int Village { get; init; }
}

public sealed class FactRowTotal
{
    public int Key { get; init; }
    public int Category { get; init; }
    public int Village { get; init; }
    public int Count { get; init; }
    public int A { get; init; }
    public int B { get; init; }
}

/// <summary>A row of the union with the case it was joined to.</summary>
public sealed class FactRowAndCase
{
    public required FactRow Row { get; init; }
    public required Case Case { get; init; }
}
