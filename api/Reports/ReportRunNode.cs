using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.GraphQL;

namespace PetitionGraph.Api.Reports;

/// <summary>
/// <c>node(id:)</c> and <c>nodes</c> for a report run (a Relay client refetches what it listed): the rule of reportRuns,
/// <see cref="ReportAccess"/> — null for a role that sees no reports, for a run made with names when the caller may not
/// read them, and for an account linked to a leader unless it asked for the run itself. Batched: one statement for
/// every run id in the request.
/// </summary>
internal static class ReportRunNode
{
    public static IDataLoaderResult Load(IResolveFieldContext context, int id)
    {
        var caller = context.Scope().Caller;
        var factory = context.DbFactory();
        return context.Loaders().GetOrAdd<int, ReportRun?>(
            "ReportRun:node",
            async (ids, ct) =>
            {
                if (caller is null || !ReportAccess.MayList(caller))
                {
                    return new Dictionary<int, ReportRun?>();
                }
                var keys = ids.ToArray();
                await using var db = await factory.CreateDbContextAsync(ct);
                return await db.ReportRuns.AsNoTracking().Where(ReportAccess.Visible(caller)).Where(r => keys.Contains(r.Id))
                    .ToDictionaryAsync(r => r.Id, r => (ReportRun?)r, ct);
            },
            missing: null).Load(id);
    }
}
