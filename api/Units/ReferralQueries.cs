using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.DataLoading;
using PetitionGraph.Api.GraphQL.Errors;
using PetitionGraph.Api.GraphQL.Relay;
using PetitionGraph.Api.GraphQL.Scalars;
using PetitionGraph.Api.Language;
using PetitionGraph.Api.Statistics;

namespace PetitionGraph.Api.Units;

/// <summary>按期反馈率 of one unit in one bucket.</summary>
public sealed record ReferralTimeliness(string Bucket, DateTime Start, DateTime End, int UnitId, int Due, int RepliedOnTime, int RepliedLate, int Unanswered);

public static class ReferralQueries
{
    public static void AddUnitQueries(this ObjectGraphType query)
    {
        query.RootConnection<UnitType, ResponsibleUnit>("units", "责任单位: the departments, stations and companies cases are referred to.");
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReferralTimelinessType>>>>("referralTimeliness")
            .Description("按期反馈率 by unit and calendar bucket (office time): the referrals whose due instant falls in the bucket and has passed, " +
                "and how many of them the unit answered by it. Returned referrals are not counted (not the unit's matter). Over the cases you may see; " +
                "a UNIT account, its own unit's.")
            .Argument<NonNullGraphType<DateTimeScalar>>("from", "Start of the period (inclusive); a bare date means office midnight.")
            .Argument<NonNullGraphType<DateTimeScalar>>("to", "End of the period (exclusive).")
            .Argument<EnumType<StatisticsInterval>>("interval", "Bucket size; MONTH when omitted.")
            .Argument<StringGraphType>("unitCode", "One unit only.")
            .ResolveAsync(async c =>
            {
                var from = c.GetArgument<DateTime>("from");
                var to = c.GetArgument<DateTime>("to");
                if (to <= from)
                {
                    throw new QueryError(ErrorCodes.InvalidArgument, new Msg("`to` 必须晚于 `from`。", "`to` must be after `from`."));
                }
                var office = c.RequestServices!.GetRequiredService<OfficeTime>();
                var buckets = Buckets.Build(from, to, c.GetArgument("interval", StatisticsInterval.Month), office)
                    ?? throw new QueryError(ErrorCodes.InvalidArgument, new Msg(
                        $"该时段超过 {Buckets.MaxBuckets} 个统计区间；请选用更长的 interval 或缩短时段。",
                        $"That period has more than {Buckets.MaxBuckets} buckets; choose a longer interval or a shorter period."));
                var now = c.QueryContext().Now;
                var until = to < now ? to : now;
                var unit = c.Scope().Caller is { Role: Role.Unit } caller ? caller.Unit ?? "" : c.GetArgument<string?>("unitCode");
                var visible = c.Db().Cases.Where(c.Scope().Cases).Select(k => k.Id);
                // The referrals due in the period (far fewer than cases): read with their unit and instants, bucketed here.
                var rows = await c.Db().Referrals
                    .Where(r => r.Status != ReferralStatus.Returned && r.DueAt >= from && r.DueAt < until && visible.Contains(r.CaseId)
                        && (unit == null || r.Unit!.Code == unit))
                    .Select(r => new { r.UnitId, r.DueAt, r.RepliedAt }).ToListAsync(c.CancellationToken);
                return buckets.SelectMany(b => rows.Where(r => r.DueAt >= b.Start && r.DueAt < b.End).GroupBy(r => r.UnitId).Select(g => new ReferralTimeliness(
                        b.Label, b.Start, b.End, g.Key, g.Count(),
                        g.Count(r => r.RepliedAt <= r.DueAt), g.Count(r => r.RepliedAt > r.DueAt), g.Count(r => r.RepliedAt == null))))
                    .OrderBy(t => t.Start).ThenBy(t => t.UnitId).ToList();
            });
    }
}

public sealed class ReferralTimelinessType : ObjectGraphType<ReferralTimeliness>
{
    public ReferralTimelinessType()
    {
        Name = "ReferralTimeliness";
        Description = "按期反馈率: how one unit answered the referrals due in one bucket.";
        Field(t => t.Bucket).Description("The bucket's label (2026-10, 2026-W44, …).");
        Field(t => t.Start, type: typeof(NonNullGraphType<DateTimeScalar>)).Description("Start of the bucket.");
        Field(t => t.End, type: typeof(NonNullGraphType<DateTimeScalar>)).Description("End of the bucket (exclusive).");
        Field<NonNullGraphType<UnitType>>("unit").Description("The unit.").Resolve(c => c.LoadById<ResponsibleUnit>(c.Source.UnitId));
        Field(t => t.Due).Description("Referrals due in the bucket (and already due).");
        Field(t => t.RepliedOnTime).Description("Answered by the due instant.");
        Field(t => t.RepliedLate).Description("Answered after it.");
        Field(t => t.Unanswered).Description("Not answered yet, past due.");
        Field<FloatGraphType>("onTimeRate").Description("repliedOnTime / due; null when nothing was due.")
            .Resolve(c => c.Source.Due == 0 ? null : (double)c.Source.RepliedOnTime / c.Source.Due);
    }
}
