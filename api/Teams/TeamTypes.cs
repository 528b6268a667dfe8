using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.DataLoading;
using PetitionGraph.Api.GraphQL.Filtering;
using PetitionGraph.Api.GraphQL.Projection;
using PetitionGraph.Api.GraphQL.Relay;
using PetitionGraph.Api.GraphQL.Scalars;
using PetitionGraph.Api.Leaders;

namespace PetitionGraph.Api.Teams;

public sealed class TeamType : ObjectGraphType<Team>
{
    private static readonly LinkQuery<TeamMember> Members = new("Team.members", (db, ids, _) => db.TeamMembers
        .Where(m => ids.Contains(m.TeamId)).OrderBy(m => m.Id)
        .Select(m => new Linked<TeamMember> { ParentId = m.TeamId, Item = m }));

    public TeamType()
    {
        this.NodeId("Team");
        Description = "专班: a task team — a leader at its head, leaders and staff as members, and its cases.";
        Field(t => t.Name).Description("The team's name, e.g. 征地拆迁化解专班.");
        Field<NonNullGraphType<LeaderType>>("head").Description("组长: the leader at its head.").Reads(nameof(Team.HeadId))
            .Resolve(c => c.LoadById<Leader>(c.Source.HeadId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TeamMemberType>>>>("members").Description("Its members, in the order added.")
            .Resolve(c => c.LoadMany(Members, c.Source.Id));
        Field(t => t.Active).Description("false once the team is dissolved: its cases keep it in their history.");
    }
}

public sealed class TeamMemberType : ObjectGraphType<TeamMember>
{
    public TeamMemberType()
    {
        Name = "TeamMember";
        Description = "A member of a task team: a leader, or a member of staff by name.";
        Field<LeaderType>("leader").Description("The leader, when the member is one.").Reads(nameof(TeamMember.LeaderId))
            .Resolve(c => c.Source.LeaderId is { } id ? c.LoadById<Leader>(id) : null);
        Field(m => m.StaffName, nullable: true).Description("A member of staff, by name (no account of their own here).");
    }
}

public sealed class TeamShape : QueryShape<Team>
{
    public TeamShape() : base("Team")
    {
        GlobalId(t => t.Id);
        String("name", t => t.Name);
        Boolean("active", t => t.Active);
    }
}

public static class TeamCaseFields
{
    /// <summary>A case's team and the five records it misses (五个有), each from one statement per batch of cases.</summary>
    public static void AddTeamFields(this ObjectGraphType<Case> type)
    {
        type.Field<TeamType>("team").Description("专班: the task team working the case; null when none.").Reads(nameof(Case.TeamId))
            .Resolve(c => c.Source.TeamId is { } id ? c.LoadById<Team>(id) : null);
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<EnumType<ActivityKind>>>>>("missingRecords")
            .Description("五个有: which of the five records its task team must keep (协调会办纪要, 再次答复记录, 协商调处台账, 评查听证结论, 网上登记记录) " +
                "the case has none of; empty for a case outside every team.")
            .Resolve(c =>
            {
                var factory = c.DbFactory();
                return c.Loaders().GetOrAdd<int, IReadOnlyList<ActivityKind>>("Case.missingRecords", async (ids, ct) =>
                {
                    var keys = ids.ToArray();
                    await using var db = await factory.CreateDbContextAsync(ct);
                    var missing = new Dictionary<int, List<ActivityKind>>();
                    // One statement per record kind whatever the page (five), each the rule FilterBuilder also uses.
                    foreach (var kind in FiveRecords.Kinds)
                    {
                        foreach (var id in await db.Cases.Where(k => keys.Contains(k.Id)).Where(FiveRecords.Lacks(kind)).Select(k => k.Id).ToListAsync(ct))
                        {
                            (missing.TryGetValue(id, out var list) ? list : missing[id] = []).Add(kind);
                        }
                    }
                    return missing.ToDictionary(m => m.Key, m => (IReadOnlyList<ActivityKind>)m.Value);
                }, missing: []).Load(c.Source.Id);
            });
    }
}
