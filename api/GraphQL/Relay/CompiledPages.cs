using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.Internal;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.Data.Query;
using PetitionGraph.Api.GraphQL.Filtering;
using EfQueryContext = Microsoft.EntityFrameworkCore.Query.QueryContext;
using QueryContext = PetitionGraph.Api.GraphQL.Filtering.QueryContext;

// IQueryCompiler is what EF.CompileAsyncQuery uses underneath; it is used here directly because a page's parameters
// are only known at run time. Pinned by Directory.Packages.props; every page of the test suite runs through it.
#pragma warning disable EF1001

namespace PetitionGraph.Api.GraphQL.Relay;

/// <summary>
/// Reads pages of a root list through EF Core queries compiled once per shape.
/// <para>
/// A page's query is the caller's predicate (scope, <c>where</c>, cursor), then ordering, projection, folded
/// lists and the page size. Only the predicate's values change from request to request of the same query, and the
/// request's instant inside the projection. Built as a LINQ tree every time, the tree, EF's parameter extraction
/// and its query-cache lookup over the whole tree cost ~13 % of the API's CPU on the cases page (BENCHMARKS.md).
/// Here only the predicate is built per request; its values become parameters (<see cref="CapturedValues"/>), and
/// the predicate's remaining structure together with <c>shape</c>, which must name everything <c>compose</c> adds,
/// keys a query compiled once.
/// </para>
/// A query whose composed part captures anything but the request's instant is not compiled here and runs through
/// EF Core's usual path, as does every query once <see cref="MaxShapes"/> shapes are cached. Either is logged once
/// (per shape, or when the cache fills) and listed by <see cref="UncompiledShapes"/>, so that a hot query that stops
/// being compiled is seen.
/// </summary>
public static class CompiledPages<T> where T : class, IEntity
{
    /// <summary>Bounds the cache against endlessly varied ad-hoc filters; EF Core's own cache still serves the rest.</summary>
    public const int MaxShapes = 1000;

    private const string NowName = "now";
    private const string LogCategory = "PetitionGraph.Api.GraphQL.Relay.CompiledPages";
    private static readonly PropertyInfo NowProperty = typeof(QueryContext).GetProperty(nameof(QueryContext.Now))!;

    private static readonly BoundedCache<ShapeKey, CompiledPage> Queries = new(MaxShapes);

    public static async Task<List<Keyed<T>>> ReadAsync(
        PetitionDbContext db, Expression<Func<T, bool>> predicate, string shape, Func<IQueryable<T>, IQueryable<Keyed<T>>> compose,
        QueryContext query, CancellationToken cancellationToken)
    {
        if (CapturedValues.Lift(predicate) is not var (template, values))
        {
            return await compose(db.Set<T>().Where(predicate)).ToListAsync(cancellationToken);
        }
        var key = new ShapeKey(db.Model, db.ChangeTracker.QueryTrackingBehavior, template, shape);
        if (!Queries.TryGetOrAdd(key, static (k, s) => Compile(s.db, k, s.compose, s.query), (db, compose, query), out var page, out var firstRefusal)
            && firstRefusal)
        {
            Logger(db).LogWarning("{Shapes} page shapes of {Entity} are cached, the most kept; new shapes take EF Core's usual path.", MaxShapes, typeof(T).Name);
        }
        if (page?.Run is not { } compiled)
        {
            return await compose(db.Set<T>().Where(predicate)).ToListAsync(cancellationToken);
        }
        var context = db.GetService<IQueryContextFactory>().Create();
        context.CancellationToken = cancellationToken;
        for (var i = 0; i < values.Length; i++)
        {
            context.Parameters[CapturedValues.ParameterName(i)] = values[i];
        }
        context.Parameters[NowName] = query.Now;
        return await compiled(context).ToListAsync(cancellationToken);
    }

    /// <summary>The shapes compiled for <paramref name="model"/> (for tests: a hot query must not fall back unnoticed).</summary>
    public static IReadOnlyList<string> CompiledShapes(IModel model) =>
        [.. Queries.Entries.Where(q => q.Key.Model == model && q.Value.Run is not null).Select(q => q.Key.Shape)];

    /// <summary>The shapes seen for <paramref name="model"/> that take EF Core's usual path, each with why.</summary>
    public static IReadOnlyList<(string Shape, string Reason)> UncompiledShapes(IModel model) =>
        [.. Queries.Entries.Where(q => q.Key.Model == model && q.Value.Run is null).Select(q => (q.Key.Shape, q.Value.Fallback!))];

    private static CompiledPage Compile(
        PetitionDbContext db, ShapeKey key, Func<IQueryable<T>, IQueryable<Keyed<T>>> compose, QueryContext query)
    {
        var template = (Expression<Func<T, bool>>)key.Predicate;
        var composed = compose(db.Set<T>().Where(template)).Expression;
        if (CapturedValues.Name(composed, [(query, NowProperty, NowName)]) is not { } named)
        {
            return Uncompiled(db, key, "its ordering or projection captures a value other than the request's instant");
        }
        try
        {
            return new(db.GetService<IQueryCompiler>().CreateCompiledAsyncQuery<IAsyncEnumerable<Keyed<T>>>(named), null);
        }
        catch (InvalidOperationException e)
        {
            // Not translatable as compiled: EF Core's usual path gives the query its own answer (or its own error).
            return Uncompiled(db, key, "EF Core cannot compile it: " + e.Message);
        }
    }

    private static CompiledPage Uncompiled(PetitionDbContext db, ShapeKey key, string reason)
    {
        Logger(db).LogInformation("A page of {Entity} ({Shape}) takes EF Core's usual path: {Reason}.", typeof(T).Name, key.Shape, reason);
        return new(null, reason);
    }

    private static ILogger Logger(PetitionDbContext db) => db.GetService<ILoggerFactory>().CreateLogger(LogCategory);

    /// <summary>A shape's compiled query, or why it has none.</summary>
    private sealed record CompiledPage(Func<EfQueryContext, IAsyncEnumerable<Keyed<T>>>? Run, string? Fallback);

    private sealed class ShapeKey(IModel model, QueryTrackingBehavior tracking, Expression predicate, string shape) : IEquatable<ShapeKey>
    {
        private readonly int _hash = HashCode.Combine(model, tracking, ExpressionEqualityComparer.Instance.GetHashCode(predicate), shape);

        public IModel Model { get; } = model;
        public QueryTrackingBehavior Tracking { get; } = tracking;
        public Expression Predicate { get; } = predicate;
        public string Shape { get; } = shape;

        public bool Equals(ShapeKey? other) =>
            other is not null && _hash == other._hash && Model == other.Model && Tracking == other.Tracking && Shape == other.Shape
            && ExpressionEqualityComparer.Instance.Equals(Predicate, other.Predicate);

        public override bool Equals(object? obj) => Equals(obj as ShapeKey);

        public override int GetHashCode() => _hash;
    }
}
