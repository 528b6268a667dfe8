using Microsoft.EntityFrameworkCore;

namespace PetitionGraph.Api.Cases.Lifecycle;

public static class CaseHistory
{
    /// <summary>
    /// A case with everything <see cref="CaseProjector"/> reads and rewrites: the events and the rows derived from
    /// them. Projecting a case loaded without them would duplicate the derived rows.
    /// </summary>
    public static IQueryable<Case> WithHistory(this IQueryable<Case> cases) =>
        cases.Include(c => c.Events).Include(c => c.BacklogIntervals).Include(c => c.Deadlines).AsSplitQuery();
}
