using System.Linq.Expressions;
using PetitionGraph.Api.Cases;

namespace PetitionGraph.Api.Teams;

/// <summary>
/// 五个有: the five records a task team keeps for each of its cases — 协调会办纪要, 再次答复记录, 协商调处台账, 评查听证结论,
/// 网上登记记录 — as the activity kinds that record them. A case of a team misses those it has no activity of; a case
/// outside every team is not held to them.
/// </summary>
public static class FiveRecords
{
    public static readonly IReadOnlyList<ActivityKind> Kinds =
        [ActivityKind.CoordinationMeeting, ActivityKind.Reply, ActivityKind.Negotiation, ActivityKind.Hearing, ActivityKind.OnlineRegistration];

    /// <summary>The case belongs to a team and has no record of <paramref name="kind"/>.</summary>
    public static Expression<Func<Case, bool>> Lacks(ActivityKind kind) => c => c.TeamId != null && !c.Activities.Any(a => a.Kind == kind);

    /// <summary>The case belongs to a team and lacks at least one of the five.</summary>
    public static Expression<Func<Case, bool>> LacksAny() =>
        c => c.TeamId != null && !(c.Activities.Any(a => a.Kind == ActivityKind.CoordinationMeeting) && c.Activities.Any(a => a.Kind == ActivityKind.Reply)
            && c.Activities.Any(a => a.Kind == ActivityKind.Negotiation) && c.Activities.Any(a => a.Kind == ActivityKind.Hearing)
            && c.Activities.Any(a => a.Kind == ActivityKind.OnlineRegistration));
}
