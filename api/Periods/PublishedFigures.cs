using GraphQL;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.Errors;
using PetitionGraph.Api.Language;
using PetitionGraph.Api.Reports;
using PetitionGraph.Api.Statistics;

namespace PetitionGraph.Api.Periods;

/// <summary>statistics(asPublished: true): the buckets that are closed periods, as they were published.</summary>
public static class PublishedFigures
{
    public static async Task<IReadOnlyList<StatisticsRow>> ApplyAsync(IResolveFieldContext c, IReadOnlyList<StatisticsRow> rows)
    {
        if (c.GetArgument<List<StatisticsDimension>?>("groupBy") is { Count: > 0 } || c.Arguments?.TryGetValue("where", out var where) == true && where.Value is not null)
        {
            throw new QueryError(ErrorCodes.InvalidArgument, new Msg("已发布的数据只按全镇保存：asPublished 不能与 groupBy 或 where 同用。",
                "Published figures are kept town-wide: asPublished takes no groupBy or where."));
        }
        // Town-wide figures count every case: only for the roles reports are for (an account linked to a leader, who
        // may be accused in a case hidden from it, gets the figures of its own scope, restated).
        var caller = c.Scope().Caller;
        if (caller is null || !ReportAccess.MayList(caller) || caller.LeaderId is not null)
        {
            throw new QueryError(ErrorCodes.Forbidden, new Msg("已发布的数据为全镇数据，仅供 ADMIN、OFFICE 和 ANALYST 查看。",
                "Published figures are town-wide, for ADMIN, OFFICE and ANALYST."));
        }
        var db = c.Db();
        var starts = rows.Select(r => r.Bucket.Start).ToList();
        var closed = await db.ClosedPeriods.Where(p => starts.Contains(p.Start)).ToListAsync(c.CancellationToken);
        return [.. rows.Select(r => closed.FirstOrDefault(p => p.Start == r.Bucket.Start && p.End == r.Bucket.End) is { } period
            ? r with { Counts = period.PublishedCounts, Published = true }
            : r)];
    }
}
