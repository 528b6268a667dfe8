using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL.Mutations;
using PetitionGraph.Api.Language;
using PetitionGraph.Api.Reports;
using PetitionGraph.Api.Statistics;

namespace PetitionGraph.Api.Periods;

/// <summary>
/// Closing periods and guarding them (DESIGN §6 "closed periods"). A period closes when its scheduled report is
/// produced (in that run's transaction) or when the office closes it; its town-wide figures are kept as published.
/// An entry dated before the end of the last closed period is accepted only with a reason, and recorded as a
/// correction in the entry's own transaction.
/// </summary>
public static class PeriodClosing
{
    /// <summary>Closes <paramref name="period"/> in <paramref name="db"/>'s transaction, keeping its figures; null when it already was.</summary>
    public static async Task<ClosedPeriod?> CloseAsync(PetitionDbContext db, ReportPeriod period, string by, DateTime now, CancellationToken ct)
    {
        if (await db.ClosedPeriods.AnyAsync(p => p.Period == period.Text, ct))
        {
            return null;
        }
        var rows = await new StatisticsEngine(db).ComputeAsync(
            new StatisticsRequest([new Bucket(0, period.Start, period.End, period.Text)], [], _ => true, now), ct);
        var closed = new ClosedPeriod
        {
            Period = period.Text,
            Start = period.Start,
            End = period.End,
            ClosedAt = now,
            ClosedBy = by,
            Published = JsonSerializer.Serialize(rows.Single().Counts),
        };
        db.ClosedPeriods.Add(closed);
        return closed;
    }

    /// <summary>
    /// For an entry dated <paramref name="at"/>: nothing when no closed period ends after it; a refusal when one does
    /// and no reason is given; else the correction to add (with the entry's case and petition once they have ids).
    /// </summary>
    public static async Task<(UserError? Refusal, bool IsCorrection)> CheckAsync(
        PetitionDbContext db, DateTime at, string? reason, string field, GraphQL.OfficeTime office, CancellationToken ct)
    {
        var restated = await db.ClosedPeriods.Where(p => p.End > at).OrderBy(p => p.End).Select(p => new { p.Period, p.ClosedAt }).ToListAsync(ct);
        if (restated.Count == 0)
        {
            return (null, false);
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            var (day, periods, closedOn) = (Day(office, at), string.Join("、", restated.Select(p => p.Period)), Day(office, restated[0].ClosedAt));
            return (new UserError(UserErrorCode.PeriodClosed, new Msg(
                $"{day} 早于已关闭的期间 {periods} 的结束时间（报表已于 {closedOn} 发布）：录入将改变已发布的数据。请填写 correctionReason，作为更正（上期数据更正）记录。",
                $"{day} lies before the end of {periods}, closed since its report was published " +
                $"({closedOn}): the entry would change published figures. Give correctionReason to record it as a correction (上期数据更正)."),
                ["input", field]), true);
        }
        return reason.Trim().Length > 1000
            ? (UserError.Validation("correctionReason", new Msg("correctionReason 不能超过 1000 个字符。", "correctionReason is at most 1000 characters.")), true)
            : (null, true);
    }

    private static string Day(GraphQL.OfficeTime office, DateTime instant) => office.ToOffice(instant).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
