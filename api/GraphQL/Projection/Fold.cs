using System.Linq.Expressions;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using PetitionGraph.Api.GraphQL.Filtering;

namespace PetitionGraph.Api.GraphQL.Projection;

/// <summary>
/// A short to-many relation (a case's petitioners, leaders, petitions) that a root list can read in its own
/// statement when only plain columns of it are selected, instead of a second round trip. The rows read are
/// handed to the relation's batch loader (<see cref="DataLoading.LoaderCache.Preload"/>), so the field's resolver
/// is the same either way. LoaderName must be the name the resolver gives <c>LoadMany</c>; Items is
/// <c>(query, row) =&gt; items</c> in display order, the request's query context being its first parameter.
/// </summary>
public sealed record Fold(string LoaderName, Type ItemType, LambdaExpression Items);

public static class FoldExtensions
{
    public const string MetadataKey = "petitiongraph:fold";

    public static FieldBuilder<TSource, TReturn> Folds<TSource, TReturn, TItem>(
        this FieldBuilder<TSource, TReturn> field, string loaderName, Expression<Func<QueryContext, TSource, IEnumerable<TItem>>> items) =>
        field.WithMetadata(MetadataKey, new Fold(loaderName, typeof(TItem), items));

    public static Fold? GetFold(this FieldType field) => field.GetMetadata<Fold?>(MetadataKey);
}

/// <summary>A fold chosen for one query: what to read and under which loader name to hand it over.</summary>
public sealed record FoldRequest(Fold Fold, ProjectionPlan Plan, string LoaderKey);
