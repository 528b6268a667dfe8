using System.Linq.Expressions;
using System.Reflection;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.GraphQL.Filtering;
using PetitionGraph.Api.Petitioners;

namespace PetitionGraph.Api.GraphQL;

/// <summary>
/// Which rows the caller may see, applied in one place to every path a row can surface by (root lists, node,
/// caseByNumber, nested lists, counts, statistics, reports): a VILLAGE_HANDLER sees the cases of their villages, a
/// LEADER the cases assigned to them, a UNIT the cases referred to it, everyone else every case — and no one ever sees a case that accuses them or
/// that they declared a conflict of interest with (信访工作条例 Art. 28, 30).
/// </summary>
public sealed class AccessScope
{
    private static readonly Expression<Func<Case, bool>> Nothing = _ => false;

    public AccessScope(Caller? caller)
    {
        Caller = caller;
        Cases = caller is null ? Nothing : For(caller);
    }

    /// <summary>
    /// The scope of the user a scope runs as (<see cref="ExecutingUser"/>), else of the HTTP request (nothing without a
    /// caller), else of the process itself (everything: seeding, the report scheduler).
    /// </summary>
    public static AccessScope From(IServiceProvider services)
    {
        if (services.GetService<ExecutingUser>()?.Principal is { } principal)
        {
            return new AccessScope(Caller.From(principal));
        }
        var http = services.GetService<IHttpContextAccessor>()?.HttpContext;
        return new AccessScope(http is null ? Caller.System : Caller.From(http.User));
    }

    public Caller? Caller { get; }

    public Expression<Func<Case, bool>> Cases { get; }

    /// <summary>Rows that belong to a case follow the case; a petitioner is visible through any visible case of theirs.</summary>
    public Expression<Func<T, bool>> For<T>() where T : class
    {
        if (typeof(T) == typeof(Case))
        {
            return (Expression<Func<T, bool>>)(object)Cases;
        }
        if (Caller is { Role: not (Role.VillageHandler or Role.Leader or Role.Unit), LeaderId: null })
        {
            return ExpressionTools.True<T>();
        }
        if (typeof(T) == typeof(Petitioner))
        {
            return (Expression<Func<T, bool>>)(object)ThroughCases();
        }
        if (typeof(T).GetProperty("Case", BindingFlags.Public | BindingFlags.Instance) is { } property && property.PropertyType == typeof(Case))
        {
            var row = Expression.Parameter(typeof(T), "row");
            return Expression.Lambda<Func<T, bool>>(ExpressionTools.Inline(Cases, Expression.Property(row, property)), row);
        }
        return ExpressionTools.True<T>();
    }

    /// <summary>Whether the caller may open a case in a village: a VILLAGE_HANDLER only in the villages of the account.</summary>
    public bool MayOpenCaseIn(string villageCode) =>
        Caller is { } caller && (caller.Role != Role.VillageHandler || caller.Villages.Contains(villageCode, StringComparer.Ordinal));

    private Expression<Func<Petitioner, bool>> ThroughCases()
    {
        var petitioner = Expression.Parameter(typeof(Petitioner), "p");
        var link = Expression.Parameter(typeof(CasePetitioner), "cp");
        var visible = Expression.Lambda<Func<CasePetitioner, bool>>(ExpressionTools.Inline(Cases, Expression.Property(link, nameof(CasePetitioner.Case))), link);
        var any = Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(CasePetitioner)], Expression.Property(petitioner, nameof(Petitioner.Cases)), visible);
        return Expression.Lambda<Func<Petitioner, bool>>(any, petitioner);
    }

    private static Expression<Func<Case, bool>> For(Caller caller)
    {
        Expression<Func<Case, bool>> byRole = caller.Role switch
        {
            Role.VillageHandler => VillagesOf(caller.Villages),
            Role.Leader when caller.LeaderId is { } leader => c => c.Assignments.Any(a => a.LeaderId == leader && a.To == null),
            Role.Leader => Nothing,
            Role.Unit when caller.Unit is { } unit => Units.ReferralScope.ReferredTo(unit),
            Role.Unit => Nothing,
            _ => c => true,
        };
        if (caller.LeaderId is not { } self)
        {
            return byRole;
        }
        Expression<Func<Case, bool>> notAccused = c => !c.AccusedLeaders.Any(a => a.LeaderId == self) && !c.Conflicts.Any(x => x.LeaderId == self);
        return ExpressionTools.And(byRole, notAccused);
    }

    private static Expression<Func<Case, bool>> VillagesOf(IReadOnlyList<string> codes)
    {
        var list = codes.ToList();
        return c => list.Contains(c.Village!.Code);
    }
}
