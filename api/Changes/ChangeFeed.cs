using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.Filtering;

namespace PetitionGraph.Api.Changes;

/// <summary>
/// Reading the change feed as a caller: the query field <c>changes</c>, the subscription <c>caseChanged</c> and the
/// webhooks all read through here, so each sees exactly the entries its caller's scope allows.
/// </summary>
public static class ChangeFeed
{
    /// <summary>Up to <paramref name="take"/> entries after <paramref name="after"/>, in sequence order: one range scan of the key.</summary>
    public static Task<List<Change>> ReadAsync(
        PetitionDbContext db, AccessScope scope, QueryContext context, IDictionary<string, object?>? where, long after, int take, CancellationToken ct)
    {
        // Entries about a case follow the case's scope (village, leader, confidential accusations); reference data is everyone's.
        var visible = ExpressionTools.And(ChangeScope.For(scope), FilterBuilder.Build<Change>(where, context));
        return db.Changes.Where(ch => ch.Sequence > after).Where(visible).OrderBy(ch => ch.Sequence).Take(take).ToListAsync(ct);
    }

    /// <summary>The last sequence committed (0 for an empty feed).</summary>
    public static async Task<long> LastAsync(PetitionDbContext db, CancellationToken ct) =>
        await db.Changes.MaxAsync(c => (long?)c.Sequence, ct) ?? 0;
}

/// <summary>Which feed entries a caller may see: those of the cases in their scope, and every reference-data entry.</summary>
public static class ChangeScope
{
    public static Expression<Func<Change, bool>> For(AccessScope scope)
    {
        var change = Expression.Parameter(typeof(Change), "change");
        var body = Expression.OrElse(
            Expression.Equal(Expression.Property(change, nameof(Change.CaseId)), Expression.Constant(null, typeof(int?))),
            ExpressionTools.Inline(scope.Cases, Expression.Property(change, nameof(Change.Case))));
        return Expression.Lambda<Func<Change, bool>>(body, change);
    }
}
