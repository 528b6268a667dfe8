using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Cases.Mutations;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.DataLoading;
using PetitionGraph.Api.GraphQL.Mutations;
using PetitionGraph.Api.GraphQL.Projection;
using PetitionGraph.Api.GraphQL.Scalars;
using PetitionGraph.Api.Language;
using PetitionGraph.Api.Reports;
using PetitionGraph.Api.Statistics;

namespace PetitionGraph.Api.Periods;

/// <summary>A closed period with its figures as published and as they stand now, and the corrections between.</summary>
public sealed record ClosedPeriodView(ClosedPeriod Period, StatisticsRow Published, StatisticsRow Restated, IReadOnlyList<Correction> Corrections);

public sealed class ClosedPeriodType : ObjectGraphType<ClosedPeriodView>
{
    public ClosedPeriodType()
    {
        Name = "ClosedPeriod";
        Description = "已关账期间: a period whose report was published; its figures as published never change, corrections restate them.";
        Field<NonNullGraphType<StringGraphType>>("period").Description("2026-10, 2026-Q3, 2026 … (office time).").Resolve(c => c.Source.Period.Period);
        Field<NonNullGraphType<DateTimeScalar>>("start").Description("Start (inclusive).").Resolve(c => c.Source.Period.Start);
        Field<NonNullGraphType<DateTimeScalar>>("end").Description("End (exclusive).").Resolve(c => c.Source.Period.End);
        Field<NonNullGraphType<DateTimeScalar>>("closedAt").Description("When it closed.").Resolve(c => c.Source.Period.ClosedAt);
        Field<NonNullGraphType<StringGraphType>>("closedBy").Description("\"schedule\" (its scheduled report was produced) or the account that closed it.")
            .Resolve(c => c.Source.Period.ClosedBy);
        Field<NonNullGraphType<StatisticsBucketType>>("published").Description("原公布: the town-wide figures when it closed.").Resolve(c => c.Source.Published);
        Field<NonNullGraphType<StatisticsBucketType>>("restated").Description("更正后: the same figures as the records stand now.").Resolve(c => c.Source.Restated);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CorrectionType>>>>("corrections")
            .Description("上期数据更正: entries recorded since it closed that are dated before its end, oldest first.").Resolve(c => c.Source.Corrections);
    }
}

public sealed class CorrectionType : ObjectGraphType<Correction>
{
    public CorrectionType()
    {
        Name = "Correction";
        Description = "数据更正: an entry dated before the end of a closed period, accepted with its reason.";
        Field(x => x.DatedAt, type: typeof(NonNullGraphType<DateTimeScalar>)).Description("The instant the entry is dated at (e.g. when the petition was received).");
        Field(x => x.RecordedAt, type: typeof(NonNullGraphType<DateTimeScalar>)).Description("When it was recorded.");
        Field(x => x.RecordedBy).Description("Who recorded it.");
        Field(x => x.Reason).Description("更正原因.");
        Field(x => x.Entry).Description("What was entered (registerPetition).");
        Field<CaseType>("case").Description("The case it concerns; null when you may not see it.").Reads(nameof(Correction.CaseId))
            .Resolve(c => c.LoadById<Case>(c.Source.CaseId));
    }
}

public sealed record ClosePeriodInput(string Period) : IMutationInput<ClosePeriodInput>
{
    public static void Declare(InputObjectGraphType<ClosePeriodInput> type) =>
        type.Field(x => x.Period, type: typeof(NonNullGraphType<StringGraphType>)).Description("A period that has ended: 2026-10, 2026-Q3, 2026, 2026-W40 or 2026-10-08.");
}

public sealed record ClosePeriodPayload(ClosedPeriodView? ClosedPeriod, IReadOnlyList<UserError> UserErrors);

public static class PeriodQueries
{
    public static void AddPeriodQueries(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ClosedPeriodType>>>>("closedPeriods")
            .Description("关账: the closed periods, latest first — each with its figures as published and as restated, and the corrections between.")
            .RequireRoles(Role.Admin, Role.Office, Role.Analyst)
            .Argument<IntGraphType>("first", "At most this many (default 24, at most 120).")
            .ResolveAsync(async c =>
            {
                var first = Math.Clamp(c.GetArgument("first", 24), 0, 120);
                var periods = await c.Db().ClosedPeriods.OrderByDescending(p => p.End).ThenByDescending(p => p.Id).Take(first).ToListAsync(c.CancellationToken);
                return await ViewsAsync(c, periods);
            });

    public static void AddPeriodMutations(this ObjectGraphType mutation)
    {
        var payload = new ObjectGraphType<ClosePeriodPayload> { Name = "ClosePeriodPayload", Description = "The period as closed, or why not." };
        payload.Field<ClosedPeriodType>("closedPeriod").Description("Null when refused.").Resolve(c => c.Source.ClosedPeriod);
        payload.Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("userErrors").Description("Empty on success.").Resolve(c => c.Source.UserErrors);
        mutation.Field("closePeriod", new NonNullGraphType(payload))
            .Description("关账: close a period that has ended, keeping its figures as published; entries dated before its end then need a correctionReason.")
            .Argument(new NonNullGraphType(new MutationInputType<ClosePeriodInput>("ClosePeriodInput")), "input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<ClosePeriodInput>("input");
                var services = c.RequestServices!;
                var now = MutationClock.Now(services);
                if (ReportPeriod.Parse(input.Period, services.GetRequiredService<OfficeTime>()) is not { } period)
                {
                    return new ClosePeriodPayload(null, [UserError.Validation("period", new Msg($"“{input.Period}”不是期间：请写作 2026-10、2026-Q3、2026、2026-W40 或 2026-10-08。",
                        $"'{input.Period}' is not a period: use 2026-10, 2026-Q3, 2026, 2026-W40 or 2026-10-08."))]);
                }
                if (period.End > now)
                {
                    return new ClosePeriodPayload(null, [UserError.Validation("period",
                        new Msg($"期间 {period.Text} 尚未结束；期间结束后才能关闭。", $"{period.Text} has not ended yet; a period closes once it is over."))]);
                }
                var db = c.Db();
                await using var transaction = await db.Database.BeginTransactionAsync(c.CancellationToken);
                var closed = await PeriodClosing.CloseAsync(db, period, c.Scope().Caller!.Name, now, c.CancellationToken);
                if (closed is null)
                {
                    return new ClosePeriodPayload(null, [UserError.InvalidState(new Msg($"期间 {period.Text} 已关闭。", $"{period.Text} is already closed."))]);
                }
                await db.SaveChangesAsync(c.CancellationToken);
                await transaction.CommitAsync(c.CancellationToken);
                return new ClosePeriodPayload((await ViewsAsync(c, [closed])).Single(), []);
            });
    }

    /// <summary>Published and restated figures of each period (one statistics run for all) and their corrections (one query).</summary>
    private static async Task<List<ClosedPeriodView>> ViewsAsync(IResolveFieldContext c, List<ClosedPeriod> periods)
    {
        if (periods.Count == 0)
        {
            return [];
        }
        // The engine takes buckets in time order; the list is latest first.
        var buckets = periods.OrderBy(p => p.Start).Select((p, i) => new Bucket(i, p.Start, p.End, p.Period)).ToList();
        var analytics = c.RequestServices!.GetRequiredService<AnalyticsDatabase>();
        await using var read = analytics.CreateDbContext();
        var restated = await new StatisticsEngine(read, analytics.CreateDbContext)
            .ComputeAsync(new StatisticsRequest(buckets, [], _ => true, c.QueryContext().Now), c.CancellationToken);
        var latestEnd = periods.Max(p => p.End);
        var earliestClose = periods.Min(p => p.ClosedAt);
        var corrections = await c.Db().Corrections.Where(k => k.DatedAt < latestEnd && k.RecordedAt >= earliestClose)
            .OrderBy(k => k.RecordedAt).ThenBy(k => k.Id).ToListAsync(c.CancellationToken);
        return [.. periods.Select(p => new ClosedPeriodView(
            p,
            new StatisticsRow(buckets.Single(b => b.Label == p.Period), StatisticsGroup.All, p.PublishedCounts) { Published = true },
            restated.Single(r => r.Bucket.Label == p.Period),
            [.. corrections.Where(k => k.DatedAt < p.End && k.RecordedAt >= p.ClosedAt)]))];
    }
}
