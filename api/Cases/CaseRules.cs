using System.Linq.Expressions;
using PetitionGraph.Api.GraphQL.Filtering;

namespace PetitionGraph.Api.Cases;

/// <summary>
/// The rules about a case at an instant, each written once as an expression: EF Core translates it for filters and
/// figures (<see cref="CaseShape"/>), and its compiled form answers for a case in memory (<see cref="Case.OverdueAt"/>,
/// <see cref="Case.InBacklogAt"/>). A test holds the two forms to the same answers.
/// </summary>
public static class CaseRules
{
    /// <summary>超期: the pending step is past its due instant.</summary>
    public static readonly Expression<Func<Case, DateTime, bool>> Overdue = (c, at) => c.NextDueAt != null && c.NextDueAt < at;

    /// <summary>积案: in a backlog span at the instant — designated or overdue, not yet resolved, terminated or declined.</summary>
    public static readonly Expression<Func<Case, DateTime, bool>> InBacklog =
        (c, at) => c.BacklogSince != null && c.BacklogSince <= at && (c.BacklogUntil == null || c.BacklogUntil > at);

    /// <summary>
    /// When the case entered the backlog, once it has: a pending step's due instant is stored ahead (so that stock at any
    /// instant stays one range query) but is not shown before it passes (DESIGN §6: never a future instant).
    /// </summary>
    public static readonly Expression<Func<Case, DateTime, DateTime?>> BacklogSinceAt = (c, at) => c.BacklogSince <= at ? c.BacklogSince : null;

    public static readonly Func<Case, DateTime, bool> IsOverdue = Overdue.Compile();

    public static readonly Func<Case, DateTime, DateTime?> BacklogSinceOf = BacklogSinceAt.Compile();

    public static readonly Func<Case, DateTime, bool> IsInBacklog = InBacklog.Compile();

    /// <summary>
    /// The rule at the request's instant: <c>c =&gt; rule(c, query.Now)</c>, with query.Now read through a captured
    /// variable, as a lambda written in place would, so EF Core makes it a parameter and compiled pages can hoist it.
    /// </summary>
    public static Expression<Func<Case, TResult>> Now<TResult>(Expression<Func<Case, DateTime, TResult>> rule, QueryContext query)
    {
        Expression<Func<DateTime>> now = () => query.Now;
        return Expression.Lambda<Func<Case, TResult>>(ExpressionTools.Inline(rule, rule.Parameters[0], now.Body), rule.Parameters[0]);
    }
}
