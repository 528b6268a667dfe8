using System.ComponentModel;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.DataLoading;
using PetitionGraph.Api.GraphQL.Relay;
using PetitionGraph.Api.GraphQL.Scalars;
using PetitionGraph.Api.Leaders;

namespace PetitionGraph.Api.Teams;

[Description("How the 五个有 completeness report is grouped.")]
public enum CompletenessGrouping
{
    [Description("By task team.")]
    Team,
    [Description("By the leaders who own the team cases now (a case with two leaders counts for both).")]
    Leader,
}

/// <summary>五个有 completeness of one team's or one leader's team cases.</summary>
public sealed record RecordCompleteness(int? TeamId, int? LeaderId, int Cases, int Complete, IReadOnlyList<MissingCount> Missing);

public sealed record MissingCount(ActivityKind Kind, int Cases);

public static class TeamQueries
{
    public static void AddTeamQueries(this ObjectGraphType query)
    {
        query.RootConnection<TeamType, Team>("teams", "专班: the task teams.");
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RecordCompletenessType>>>>("recordCompleteness")
            .Description("五个有 completeness: for each task team (or each leader owning team cases now), how many of its cases keep all five records, " +
                "and how many lack each. Over the team cases you may see; only groups with cases.")
            .Argument<NonNullGraphType<EnumType<CompletenessGrouping>>>("groupBy", "TEAM or LEADER.")
            .ResolveAsync(async c =>
            {
                var db = c.Db();
                var cases = db.Cases.Where(c.Scope().Cases).Where(k => k.TeamId != null);
                // Six statements whatever the number of cases: the team cases, then those lacking each record (the rule
                // the missingRecords filter and field use); grouped here, since team cases are few.
                var teamOf = await cases.Select(k => new { k.Id, Team = k.TeamId!.Value }).ToDictionaryAsync(k => k.Id, k => k.Team, c.CancellationToken);
                var lacking = new Dictionary<ActivityKind, HashSet<int>>();
                foreach (var kind in FiveRecords.Kinds)
                {
                    lacking[kind] = [.. await cases.Where(FiveRecords.Lacks(kind)).Select(k => k.Id).ToListAsync(c.CancellationToken)];
                }
                IEnumerable<(int Key, int Case)> members = c.GetArgument<CompletenessGrouping>("groupBy") == CompletenessGrouping.Team
                    ? teamOf.Select(t => (t.Value, t.Key))
                    : (await db.LeaderAssignments.Where(a => a.To == null && cases.Any(k => k.Id == a.CaseId))
                        .Select(a => new { a.LeaderId, a.CaseId }).Distinct().ToListAsync(c.CancellationToken)).Select(a => (a.LeaderId, a.CaseId));
                var byTeam = c.GetArgument<CompletenessGrouping>("groupBy") == CompletenessGrouping.Team;
                return members.GroupBy(m => m.Key, m => m.Case).OrderBy(g => g.Key).Select(g =>
                {
                    var ids = g.Distinct().ToList();
                    return new RecordCompleteness(byTeam ? g.Key : null, byTeam ? null : g.Key, ids.Count,
                        ids.Count(id => FiveRecords.Kinds.All(k => !lacking[k].Contains(id))),
                        [.. FiveRecords.Kinds.Select(k => new MissingCount(k, ids.Count(lacking[k].Contains)))]);
                }).ToList();
            });
    }
}

public sealed class RecordCompletenessType : ObjectGraphType<RecordCompleteness>
{
    public RecordCompletenessType()
    {
        Name = "RecordCompleteness";
        Description = "五个有: how completely one team's (or one leader's) team cases keep the five records.";
        Field<TeamType>("team").Description("The team (groupBy: TEAM).").Resolve(c => c.Source.TeamId is { } id ? c.LoadById<Team>(id) : null);
        Field<LeaderType>("leader").Description("The leader (groupBy: LEADER).").Resolve(c => c.Source.LeaderId is { } id ? c.LoadById<Leader>(id) : null);
        Field(r => r.Cases).Description("Team cases counted.");
        Field(r => r.Complete).Description("Of them, those with all five records.");
        Field<FloatGraphType>("completeRate").Description("complete / cases.").Resolve(c => c.Source.Cases == 0 ? null : (double)c.Source.Complete / c.Source.Cases);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MissingCountType>>>>("missing").Description("For each of the five records, how many cases lack it.")
            .Resolve(c => c.Source.Missing);
    }
}

public sealed class MissingCountType : ObjectGraphType<MissingCount>
{
    public MissingCountType()
    {
        Name = "MissingCount";
        Description = "How many cases lack one of the five records.";
        Field(m => m.Kind, type: typeof(NonNullGraphType<EnumType<ActivityKind>>)).Description("The record.");
        Field(m => m.Cases).Description("Cases without it.");
    }
}
