using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL.Filtering;
using PetitionGraph.Api.Petitions;

namespace PetitionGraph.Api.Statistics;

/// <summary>A fact with the leader it is counted for (0 when not grouping by leader), and its case's first petition's channel and level when grouping by them.</summary>
public sealed class LeaderFact<TSource>
{
    public required TSource Fact { get; init; }
    public int LeaderId { get; init; }
    public DateTime LeaderFrom { get; init; }
    public DateTime? LeaderTo { get; init; }
    public Channel? FirstChannel { get; init; }
    public PetitionLevel? FirstLevel { get; init; }
}

/// <summary>How facts meet the leaders' assignments: by case, and (for facts at an instant) in force at that instant.</summary>
public sealed record LeaderJoin<TSource>(Expression<Func<TSource, int>> CaseId, Expression<Func<TSource, DateTime>>? InForceAt);

/// <summary>The GROUP BY key of a fact: its bucket and its value of each dimension (0 or null when not grouped by).</summary>
public sealed class FactKey
{
    public int Bucket { get; init; }
    /// <summary>For stock: the bucket after the last one the span counts in; the leader's assignment likewise.</summary>
    public int Until { get; init; }
    public int LeaderFrom { get; init; }
    public int LeaderUntil { get; init; }
    public int Category { get; init; }
    public int Village { get; init; }
    public int Leader { get; init; }
    public Channel? Channel { get; init; }
    public PetitionLevel? Level { get; init; }
    public int Team { get; init; }
    public int Way { get; init; }
    public Settlement.AssistanceKind? Assistance { get; init; }
}

public sealed class FactTotal
{
    public int Bucket { get; init; }
    /// <summary>For stock: the bucket after the last one the span counts in; the leader's assignment likewise.</summary>
    public int Until { get; init; }
    public int LeaderFrom { get; init; }
    public int LeaderUntil { get; init; }
    public int Category { get; init; }
    public int Village { get; init; }
    public int Leader { get; init; }
    public Channel? Channel { get; init; }
    public PetitionLevel? Level { get; init; }
    public int Team { get; init; }
    public int Way { get; init; }
    public Settlement.AssistanceKind? Assistance { get; init; }
    public int Count { get; init; }
    public int A { get; init; }
    public int B { get; init; }

    public void Deconstruct(out FactTotal key, out int count, out int a, out int b) => (key, count, a, b) = (this, Count, A, B);
}

/// <summary>
/// Turns one family of facts into one SQL statement: filter by the case filter and the period, join the leaders
/// assigned at the fact's instant when grouping by leader, bucket by a CASE over the edges, group, count.
/// </summary>
internal sealed class FactPlan(PetitionDbContext db, StatisticsRequest request)
{
    private readonly bool _byCategory = request.GroupBy.Contains(StatisticsDimension.Category);
    private readonly bool _byVillage = request.GroupBy.Contains(StatisticsDimension.Village);
    private readonly bool _byLeader = request.GroupBy.Contains(StatisticsDimension.Leader);
    private readonly bool _byChannel = request.GroupBy.Contains(StatisticsDimension.Channel);
    private readonly bool _byLevel = request.GroupBy.Contains(StatisticsDimension.Level);
    private readonly bool _byTeam = request.GroupBy.Contains(StatisticsDimension.Team);
    private readonly bool _byWay = request.GroupBy.Contains(StatisticsDimension.Way);
    private readonly bool _byAssistance = request.GroupBy.Contains(StatisticsDimension.Assistance);
    private readonly DateTime _from = request.Buckets[0].Start;
    /// <summary>The distinct instants stock is taken at (bucket ends, or now), ascending.</summary>
    private readonly DateTime[] _instants = [.. request.Buckets.Select(b => InstantOf(b, request.Now)).Distinct().Order()];
    /// <summary>One more than any bucket or instant index: the base of the union's packed key.</summary>
    private readonly int _radix = request.Buckets.Count + 1;

    /// <summary>The facts counted lie in [From, Until).</summary>
    public DateTime From => _from;

    public DateTime Until => _until;
    /// <summary>Facts after now have not happened yet (a projected overdue instant), whatever the period asks.</summary>
    private readonly DateTime _until = request.Buckets[^1].End < request.Now ? request.Buckets[^1].End : request.Now;

    public StatisticsGroup Group(FactTotal key) => new(
        _byCategory ? key.Category : null, _byVillage ? key.Village : null, _byLeader ? key.Leader : null,
        _byChannel ? key.Channel : null, _byLevel ? key.Level : null, _byTeam ? key.Team : null, _byWay ? key.Way : null,
        _byAssistance ? key.Assistance : null);

    public async Task<List<FactTotal>> Aggregate<TSource>(
        IQueryable<TSource> source, Expression<Func<TSource, Case>> caseOf, Expression<Func<TSource, DateTime>> at,
        Expression<Func<TSource, int>>? a, Expression<Func<TSource, int>>? b,
        Expression<Func<TSource, Channel>>? ownChannel, Expression<Func<TSource, PetitionLevel>>? ownLevel,
        CancellationToken ct)
    {
        if (_from >= _until)
        {
            return [];
        }
        var s = Expression.Parameter(typeof(TSource), "s");
        var inPeriod = Expression.AndAlso(InPeriod(ExpressionTools.Inline(at, s)), ExpressionTools.Inline(request.Cases, ExpressionTools.Inline(caseOf, s)));
        var filtered = source.Where(Expression.Lambda<Func<TSource, bool>>(inPeriod, s));

        var edges = BucketEdges();
        var leaders = _byLeader ? new LeaderJoin<TSource>(CaseIdOf(caseOf), at) : null;
        return await GroupAsync(filtered, caseOf, leaders, (fact, _) => [Bind(nameof(FactKey.Bucket), CountBelow(ExpressionTools.Inline(at, fact), edges, inclusive: true))],
            a, b, ownChannel, ownLevel, ct);
    }

    /// <summary>
    /// Stock at each bucket's end (or now, if that comes first). A backlog span counts at the instants t with
    /// entered &lt; t ≤ left — a run of consecutive instants — so one GROUP BY over the spans, keyed by the first
    /// and past-the-last instant of that run, gives every instant's stock; with leaders, the run is cut to the
    /// instants the leader was assigned at. <see cref="AddStock"/> spreads each total over its run.
    /// </summary>
    public async Task<List<FactTotal>> StockTotalsAsync(CancellationToken ct)
    {
        var (edges, first, last) = StockInstants();
        var spans = SpansCounted(db.CaseBacklogIntervals.Where(Spans(request.Cases)), first, last);
        var leaders = _byLeader ? new LeaderJoin<CaseBacklogInterval>(i => i.CaseId, null) : null;
        return await GroupAsync(spans, i => i.Case!, leaders, (span, row) =>
        [
            Bind(nameof(FactKey.Bucket), CountBelow(Expression.Property(span, nameof(CaseBacklogInterval.EnteredAt)), edges, inclusive: true)),
            Bind(nameof(FactKey.Until), CountBelow(Expression.Property(span, nameof(CaseBacklogInterval.LeftAt)), edges, inclusive: true)),
            Bind(nameof(FactKey.LeaderFrom), _byLeader ? CountBelow(Expression.Property(row, nameof(LeaderFact<int>.LeaderFrom)), edges, inclusive: false) : Expression.Constant(0)),
            Bind(nameof(FactKey.LeaderUntil), _byLeader ? CountBelow(Expression.Property(row, nameof(LeaderFact<int>.LeaderTo)), edges, inclusive: false) : Expression.Constant(edges.Length)),
        ], null, null, null, null, ct);
    }

    /// <summary>Adds one stock total to every bucket whose instant lies in its run.</summary>
    public void AddStock(FactTotal total, Func<int, StatisticsGroup, FigureCounts> at)
    {
        _bucketsAtInstant ??= BucketsAtInstant(request, _instants);
        var group = Group(total);
        for (var k = Math.Max(total.Bucket, total.LeaderFrom); k < Math.Min(total.Until, total.LeaderUntil); k++)
        {
            foreach (var bucket in _bucketsAtInstant[k])
            {
                at(bucket, group).Stock += total.Count;
            }
        }
    }

    /// <summary>For each stock instant, the buckets whose stock is taken at it.</summary>
    private int[][]? _bucketsAtInstant;

    /// <summary>The distinct stock instants (bucket ends, or now) as edges, and the first and last of them.</summary>
    private (Expression[] Edges, DateTime First, DateTime Last) StockInstants() =>
        (Edges(_instants), _instants[0], _instants[^1]);

    private static DateTime InstantOf(Bucket bucket, DateTime now) => bucket.End < now ? bucket.End : now;

    private static int[][] BucketsAtInstant(StatisticsRequest request, DateTime[] instants) =>
        [.. instants.Select(instant => request.Buckets.Where(b => InstantOf(b, request.Now) == instant).Select(b => b.Index).ToArray())];

    /// <summary>
    /// One branch of the union: the facts in the period, keyed by <see cref="PackKey"/>. The case filter is applied
    /// once, to the union, by <see cref="UnionTotalsAsync"/>.
    /// </summary>
    public IQueryable<FactRow>? Rows<TSource>(FactQuery<TSource> query, int family)
    {
        if (_from >= _until)
        {
            return null;
        }
        var s = Expression.Parameter(typeof(TSource), "s");
        var atS = ExpressionTools.Inline(query.At, s);
        var row = NewRow(
            PackKey(family, CountBelow(atS, BucketEdges(), inclusive: true), Expression.Constant(0)),
            CaseIdOf(ExpressionTools.Inline(query.CaseOf, s)),
            query.A is null ? Expression.Constant(0) : ExpressionTools.Inline(query.A, s),
            query.B is null ? Expression.Constant(0) : ExpressionTools.Inline(query.B, s));
        return query.Source.Where(Expression.Lambda<Func<TSource, bool>>(InPeriod(atS), s)).Select(Expression.Lambda<Func<TSource, FactRow>>(row, s));
    }

    /// <summary>The stock branch of the union: spans keyed by the first and past-the-last stock instant they count at.</summary>
    public IQueryable<FactRow> StockRows(int family)
    {
        var (edges, first, last) = StockInstants();
        var i = Expression.Parameter(typeof(CaseBacklogInterval), "i");
        var key = PackKey(family,
            CountBelow(Expression.Property(i, nameof(CaseBacklogInterval.EnteredAt)), edges, inclusive: true),
            CountBelow(Expression.Property(i, nameof(CaseBacklogInterval.LeftAt)), edges, inclusive: true));
        var row = NewRow(key, Expression.Property(i, nameof(CaseBacklogInterval.CaseId)), Expression.Constant(0), Expression.Constant(0));
        return SpansCounted(db.CaseBacklogIntervals, first, last).Select(Expression.Lambda<Func<CaseBacklogInterval, FactRow>>(row, i));
    }

    /// <summary>Facts at an instant count in [From, Until).</summary>
    private Expression InPeriod(Expression at) => Expression.AndAlso(
        Expression.GreaterThanOrEqual(at, ExpressionTools.Parameter(_from, typeof(DateTime))),
        Expression.LessThan(at, ExpressionTools.Parameter(_until, typeof(DateTime))));

    /// <summary>The ends of every bucket but the last: a fact's bucket is how many of them lie at or before it.</summary>
    private Expression[] BucketEdges() => Edges(request.Buckets.Select(bucket => bucket.End).SkipLast(1));

    /// <summary>The spans in backlog at some stock instant between <paramref name="first"/> and <paramref name="last"/>.</summary>
    private static IQueryable<CaseBacklogInterval> SpansCounted(IQueryable<CaseBacklogInterval> spans, DateTime first, DateTime last) =>
        spans.Where(i => i.EnteredAt < last && (i.LeftAt == null || i.LeftAt >= first));

    private static MemberInitExpression NewRow(Expression key, Expression caseId, Expression a, Expression b) =>
        Expression.MemberInit(Expression.New(typeof(FactRow)),
            Expression.Bind(typeof(FactRow).GetProperty(nameof(FactRow.Key))!, key),
            Expression.Bind(typeof(FactRow).GetProperty(nameof(FactRow.CaseId))!, caseId),
            Expression.Bind(typeof(FactRow).GetProperty(nameof(FactRow.A))!, a),
            Expression.Bind(typeof(FactRow).GetProperty(nameof(FactRow.B))!, b));

    /// <summary>
    /// Whether the union can serve the request: its rows carry only the case, and only the case's own category and
    /// village are joined to group them.
    /// </summary>
    public bool UnionServes => !_byLeader && !_byChannel && !_byLevel && !_byTeam && !_byWay && !_byAssistance;

    /// <summary>
    /// Counts every family's facts in one statement: the union of the branches, joined once to the cases that pass
    /// the filter, grouped by the packed key. The key is one column computed inside each branch, so the planner
    /// estimates few groups and aggregates in its parallel workers (three columns took a sort of every fact).
    /// </summary>
    public async Task<List<(int Family, FactTotal Total)>> UnionTotalsAsync(IEnumerable<IQueryable<FactRow>> branches, CancellationToken ct)
    {
        var union = branches.Aggregate(Queryable.Concat);
        var totals = !_byCategory && !_byVillage && AlwaysTrue(request.Cases.Body)
            ? await union.GroupBy(row => row.Key).Select(g => new FactRowTotal { Key = g.Key, Count = g.Count(), A = g.Sum(x => x.A), B = g.Sum(x => x.B) }).ToListAsync(ct)
            : await JoinedTotalsAsync(union, ct);
        return [.. totals.Select(t => (t.Key / _radix / _radix, new FactTotal
        {
            Bucket = t.Key / _radix % _radix,
            Until = t.Key % _radix,
            LeaderFrom = 0,
            LeaderUntil = _instants.Length,
            Category = t.Category,
            Village = t.Village,
            Count = t.Count,
            A = t.A,
            B = t.B,
        }))];
    }

    /// <summary>An unfiltered, ungrouped request needs nothing of the case: the join would only cost.</summary>
    internal static bool AlwaysTrue(Expression filter) => filter switch
    {
        ConstantExpression { Value: true } => true,
        BinaryExpression { NodeType: ExpressionType.AndAlso } both => AlwaysTrue(both.Left) && AlwaysTrue(both.Right),
        _ => false,
    };

    private async Task<List<FactRowTotal>> JoinedTotalsAsync(IQueryable<FactRow> union, CancellationToken ct)
    {
        var joined = union
            .Join(db.Cases.Where(request.Cases), row => row.CaseId, @case => @case.Id, (row, @case) => new FactRowAndCase { Row = row, Case = @case });
        var pair = Expression.Parameter(typeof(FactRowAndCase), "pair");
        var @case = Expression.Property(pair, nameof(FactRowAndCase.Case));
        var key = Expression.MemberInit(Expression.New(typeof(FactRowKey)),
            Expression.Bind(typeof(FactRowKey).GetProperty(nameof(FactRowKey.Key))!,
                Expression.Property(Expression.Property(pair, nameof(FactRowAndCase.Row)), nameof(FactRow.Key))),
            Expression.Bind(typeof(FactRowKey).GetProperty(nameof(FactRowKey.Category))!,
                _byCategory ? Expression.Property(@case, nameof(Case.CategoryId)) : Expression.Constant(0)),
            Expression.Bind(typeof(FactRowKey).GetProperty(nameof(FactRowKey.Village))!,
                _byVillage ? Expression.Property(@case, nameof(Case.VillageId)) : Expression.Constant(0)));
        return await joined.GroupBy(Expression.Lambda<Func<FactRowAndCase, FactRowKey>>(key, pair))
            .Select(g => new FactRowTotal
            {
                Key = g.Key.Key,
                Category = g.Key.Category,
                Village = g.Key.Village,
                Count = g.Count(),
                A = g.Sum(x => x.Row.A),
                B = g.Sum(x => x.Row.B),
            })
            .ToListAsync(ct);
    }

    /// <summary>(family × radix + bucket) × radix + until: one integer column, so the planner sees one unknown key.</summary>
    private Expression PackKey(int family, Expression bucket, Expression until) =>
        Expression.Add(Expression.Multiply(Expression.Add(Expression.Constant(family * _radix), bucket), Expression.Constant(_radix)), until);

    private static Expression<Func<CaseBacklogInterval, bool>> Spans(Expression<Func<Case, bool>> cases)
    {
        var i = Expression.Parameter(typeof(CaseBacklogInterval), "i");
        return Expression.Lambda<Func<CaseBacklogInterval, bool>>(ExpressionTools.Inline(cases, Expression.Property(i, nameof(CaseBacklogInterval.Case))), i);
    }

    private async Task<List<FactTotal>> GroupAsync<TSource>(
        IQueryable<TSource> filtered, Expression<Func<TSource, Case>> caseOf,
        LeaderJoin<TSource>? leaders, Func<Expression, Expression, MemberAssignment[]> indexes,
        Expression<Func<TSource, int>>? a, Expression<Func<TSource, int>>? b,
        Expression<Func<TSource, Channel>>? ownChannel, Expression<Func<TSource, PetitionLevel>>? ownLevel, CancellationToken ct)
    {
        IQueryable<LeaderFact<TSource>> facts;
        if (leaders is null)
        {
            facts = filtered.Select(fact => new LeaderFact<TSource> { Fact = fact, LeaderId = 0, LeaderFrom = default, LeaderTo = null });
        }
        else
        {
            // A join on the case, then the instant: a correlated subquery here would need APPLY, which SQLite lacks.
            facts = filtered.Join(db.LeaderAssignments, leaders.CaseId, a => a.CaseId, (fact, a) => new LeaderFact<TSource>
            {
                Fact = fact,
                LeaderId = a.LeaderId,
                LeaderFrom = a.From,
                LeaderTo = a.To,
            });
            if (leaders.InForceAt is { } at)
            {
                var r = Expression.Parameter(typeof(LeaderFact<TSource>), "r");
                var instant = ExpressionTools.Inline(at, Expression.Property(r, nameof(LeaderFact<TSource>.Fact)));
                var from = Expression.Property(r, nameof(LeaderFact<TSource>.LeaderFrom));
                var to = Expression.Property(r, nameof(LeaderFact<TSource>.LeaderTo));
                var inForce = Expression.AndAlso(Expression.LessThanOrEqual(from, instant),
                    Expression.OrElse(Expression.Equal(to, Expression.Constant(null, typeof(DateTime?))),
                        Expression.GreaterThan(to, Expression.Convert(instant, typeof(DateTime?)))));
                facts = facts.Where(Expression.Lambda<Func<LeaderFact<TSource>, bool>>(inForce, r));
            }
        }

        if ((_byChannel && ownChannel is null) || (_byLevel && ownLevel is null))
        {
            // The case's channel and level are its first petition's: one join (a hash join over the first petitions),
            // not a subquery per fact, which took 2.6 s for twelve months at 1M cases. Every case has one first petition.
            var caseId = CaseIdOf(caseOf);
            var f = Expression.Parameter(typeof(LeaderFact<TSource>), "f");
            var factCase = Expression.Lambda<Func<LeaderFact<TSource>, int>>(ExpressionTools.Inline(caseId, Expression.Property(f, nameof(LeaderFact<TSource>.Fact))), f);
            facts = facts.Join(db.Petitions.Where(p => p.IsFirst), factCase, p => p.CaseId, (r, p) => new LeaderFact<TSource>
            {
                Fact = r.Fact,
                LeaderId = r.LeaderId,
                LeaderFrom = r.LeaderFrom,
                LeaderTo = r.LeaderTo,
                FirstChannel = p.Channel,
                FirstLevel = p.Level,
            });
        }

        var row = Expression.Parameter(typeof(LeaderFact<TSource>), "row");
        var fact = Expression.Property(row, nameof(LeaderFact<TSource>.Fact));
        var caseOfRow = ExpressionTools.Inline(caseOf, fact);
        var key = Expression.MemberInit(Expression.New(typeof(FactKey)), [
            .. indexes(fact, row),
            Bind(nameof(FactKey.Category), _byCategory ? Expression.Property(caseOfRow, nameof(Case.CategoryId)) : Expression.Constant(0)),
            Bind(nameof(FactKey.Village), _byVillage ? Expression.Property(caseOfRow, nameof(Case.VillageId)) : Expression.Constant(0)),
            Bind(nameof(FactKey.Leader), leaders is null ? Expression.Constant(0) : Expression.Property(row, nameof(LeaderFact<TSource>.LeaderId))),
            // Team 0: outside every team, a group that is not listed (StatisticsGroups), so not reported.
            Bind(nameof(FactKey.Team), _byTeam
                ? Expression.Coalesce(Expression.Property(caseOfRow, nameof(Case.TeamId)), Expression.Constant(0))
                : Expression.Constant(0)),
            Bind(nameof(FactKey.Way), _byWay
                ? Expression.Coalesce(Expression.Property(caseOfRow, nameof(Case.SettlementWayId)), Expression.Constant(0))
                : Expression.Constant(0)),
            Bind(nameof(FactKey.Assistance), _byAssistance
                ? Expression.Property(caseOfRow, nameof(Case.AssistanceKind))
                : Expression.Constant(null, typeof(Settlement.AssistanceKind?))),
            Bind(nameof(FactKey.Channel), !_byChannel ? Expression.Constant(null, typeof(Channel?))
                : ownChannel is not null ? Expression.Convert(ExpressionTools.Inline(ownChannel, fact), typeof(Channel?))
                : Expression.Property(row, nameof(LeaderFact<TSource>.FirstChannel))),
            Bind(nameof(FactKey.Level), !_byLevel ? Expression.Constant(null, typeof(PetitionLevel?))
                : ownLevel is not null ? Expression.Convert(ExpressionTools.Inline(ownLevel, fact), typeof(PetitionLevel?))
                : Expression.Property(row, nameof(LeaderFact<TSource>.FirstLevel)))]);
        var grouped = facts.GroupBy(Expression.Lambda<Func<LeaderFact<TSource>, FactKey>>(key, row));

        var sumA = Expression.Lambda<Func<LeaderFact<TSource>, int>>(a is null ? Expression.Constant(0) : ExpressionTools.Inline(a, fact), row);
        var sumB = Expression.Lambda<Func<LeaderFact<TSource>, int>>(b is null ? Expression.Constant(0) : ExpressionTools.Inline(b, fact), row);
        return await grouped.Select(Total(sumA, sumB)).ToListAsync(ct);
    }

    private static Expression<Func<IGrouping<FactKey, LeaderFact<TSource>>, FactTotal>> Total<TSource>(
        Expression<Func<LeaderFact<TSource>, int>> a, Expression<Func<LeaderFact<TSource>, int>> b)
    {
        var g = Expression.Parameter(typeof(IGrouping<FactKey, LeaderFact<TSource>>), "g");
        var key = Expression.Property(g, nameof(IGrouping<FactKey, LeaderFact<TSource>>.Key));
        MemberAssignment FromKey(string member) =>
            Expression.Bind(typeof(FactTotal).GetProperty(member)!, Expression.Property(key, member));
        MemberAssignment Aggregate(string member, string method, params Expression[] selector) =>
            Expression.Bind(typeof(FactTotal).GetProperty(member)!,
                Expression.Call(typeof(Enumerable), method, [typeof(LeaderFact<TSource>)], [g, .. selector]));
        var total = Expression.MemberInit(Expression.New(typeof(FactTotal)),
            FromKey(nameof(FactKey.Bucket)), FromKey(nameof(FactKey.Until)), FromKey(nameof(FactKey.LeaderFrom)), FromKey(nameof(FactKey.LeaderUntil)),
            FromKey(nameof(FactKey.Category)), FromKey(nameof(FactKey.Village)),
            FromKey(nameof(FactKey.Leader)), FromKey(nameof(FactKey.Channel)), FromKey(nameof(FactKey.Level)), FromKey(nameof(FactKey.Team)),
            FromKey(nameof(FactKey.Way)), FromKey(nameof(FactKey.Assistance)),
            Aggregate(nameof(FactTotal.Count), nameof(Enumerable.Count)),
            Aggregate(nameof(FactTotal.A), nameof(Enumerable.Sum), a),
            Aggregate(nameof(FactTotal.B), nameof(Enumerable.Sum), b));
        return Expression.Lambda<Func<IGrouping<FactKey, LeaderFact<TSource>>, FactTotal>>(total, g);
    }

    private static Expression<Func<TSource, int>> CaseIdOf<TSource>(Expression<Func<TSource, Case>> caseOf) =>
        Expression.Lambda<Func<TSource, int>>(CaseIdOf(caseOf.Body), caseOf.Parameters);

    /// <summary>
    /// <c>fact.Case.Id</c> as the fact's own foreign key <c>fact.CaseId</c>: EF Core joins the cases table for the
    /// former, which in a branch of the union would join it once per family.
    /// </summary>
    private static Expression CaseIdOf(Expression caseOf) =>
        caseOf is MemberExpression { Expression: { } fact } navigation && fact.Type.GetProperty(navigation.Member.Name + "Id") is { } key
            ? Expression.Property(fact, key)
            : Expression.Property(caseOf, nameof(Case.Id));

    private static MemberAssignment Bind(string member, Expression value) =>
        Expression.Bind(typeof(FactKey).GetProperty(member)!, value);

    private static Expression[] Edges(IEnumerable<DateTime> instants) =>
        instants.Select(instant => ExpressionTools.Parameter(instant, typeof(DateTime))).ToArray();

    /// <summary>
    /// How many of the ascending <paramref name="edges"/> lie before <paramref name="at"/> (or at it, when
    /// <paramref name="inclusive"/>); all of them when <paramref name="at"/> is null. A balanced tree of comparisons,
    /// so the CASE stays shallow however many edges there are.
    /// </summary>
    private static Expression CountBelow(Expression at, Expression[] edges, bool inclusive)
    {
        if (Nullable.GetUnderlyingType(at.Type) is not null)
        {
            return Expression.Condition(Expression.Equal(at, Expression.Constant(null, at.Type)),
                Expression.Constant(edges.Length), CountBelow(Expression.Property(at, "Value"), edges, inclusive));
        }
        Expression Between(int low, int high)
        {
            if (low == high)
            {
                return Expression.Constant(low);
            }
            var middle = (low + high) / 2;
            var edgeBelow = inclusive ? Expression.GreaterThanOrEqual(at, edges[middle]) : Expression.GreaterThan(at, edges[middle]);
            return Expression.Condition(edgeBelow, Between(middle + 1, high), Between(low, middle));
        }
        return Between(0, edges.Length);
    }

}
