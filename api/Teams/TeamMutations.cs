using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Cases.Mutations;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.Mutations;
using PetitionGraph.Api.GraphQL.Relay;
using PetitionGraph.Api.Language;
using static PetitionGraph.Api.GraphQL.ReferenceMutations;

namespace PetitionGraph.Api.Teams;

public sealed record TeamInput(string? TeamId, string? Name, string? HeadLeaderId, IReadOnlyList<string>? MemberLeaderIds, IReadOnlyList<string>? Staff, bool? Active)
    : IMutationInput<TeamInput>
{
    public static void Declare(InputObjectGraphType<TeamInput> type)
    {
        type.Field(x => x.TeamId, type: typeof(IdGraphType)).Description("updateTeam: the team; omitted in createTeam.");
        type.Field(x => x.Name, type: typeof(StringGraphType)).Description("The team's name (createTeam: required).");
        type.Field(x => x.HeadLeaderId, type: typeof(IdGraphType)).Description("组长: the leader at its head (createTeam: required).");
        type.Field(x => x.MemberLeaderIds, type: typeof(ListGraphType<NonNullGraphType<IdGraphType>>)).Description("The leaders among its members; replaces the list.");
        type.Field(x => x.Staff, type: typeof(ListGraphType<NonNullGraphType<StringGraphType>>)).Description("Members of staff, by name; replaces the list.");
        type.Field(x => x.Active, type: typeof(BooleanGraphType)).Description("false: dissolve the team (its cases keep it in their history).");
    }
}

public sealed record AssignTeamInput(string CaseId, int? ExpectedVersion, string? TeamId) : ICaseStepInput, IMutationInput<AssignTeamInput>
{
    public static void Declare(InputObjectGraphType<AssignTeamInput> type)
    {
        CaseStepFields.Declare(type);
        type.Field(x => x.TeamId, type: typeof(IdGraphType)).Description("The team (global id); null takes the case out of its team.");
    }
}

public static class TeamMutations
{
    private const int MaxMembers = 50;

    /// <summary>assignCaseToTeam: a case step (one transaction, a case event).</summary>
    public static IReadOnlyList<CaseStep> Steps { get; } =
    [
        new CaseStep<AssignTeamInput>("assignCaseToTeam", "专班: put the case in a task team's hands, or (teamId null) take it out.", AssignAsync),
    ];

    public static void AddTeamMutations(this ObjectGraphType mutation)
    {
        mutation.AddReferenceMutation<TeamType, TeamInput>("createTeam", "专班: set up a task team with its head and members.", "team",
            async (i, db) =>
            {
                if ((Validate.Text("name", i.Name, 64)
                    ?? (i.HeadLeaderId is null ? UserError.Validation("headLeaderId", new Msg("headLeaderId 为必填项。", "headLeaderId is required.")) : null)) is { } missing)
                {
                    return (null, missing);
                }
                var team = new Team { Name = i.Name!.Trim() };
                if (await ApplyAsync(db, team, i) is { } refused)
                {
                    return (null, refused);
                }
                db.Teams.Add(team);
                return (team, null);
            });
        mutation.AddReferenceMutation<TeamType, TeamInput>("updateTeam", "Change a task team: its name, head, members, or dissolve it.", "team",
            async (i, db) =>
            {
                if (i.TeamId is null || await FindAsync<Team>(db, i.TeamId, "Team") is not { } team)
                {
                    return (null, UserError.NotFound("teamId", new Msg($"没有编号为 {i.TeamId} 的专班。", $"There is no team {i.TeamId}.")));
                }
                if (i.Name is not null && Validate.Text("name", i.Name, 64) is { } invalid)
                {
                    return (null, invalid);
                }
                team.Name = i.Name?.Trim() ?? team.Name;
                team.Active = i.Active ?? team.Active;
                return await ApplyAsync(db, team, i) is { } refused ? (null, refused) : (team, null);
            });
    }

    /// <summary>Sets the head and (when given) the members; refuses unknown or inactive leaders and a name taken by another team.</summary>
    private static async Task<UserError?> ApplyAsync(PetitionDbContext db, Team team, TeamInput i)
    {
        if (await db.Teams.AnyAsync(t => t.Name == team.Name && t.Id != team.Id))
        {
            return new UserError(UserErrorCode.Conflict, new Msg($"名为“{team.Name}”的专班已存在。", $"A team named {team.Name} exists already."), ["input", "name"]);
        }
        if (i.HeadLeaderId is { } head)
        {
            if (await ActiveLeaderAsync(db, head) is not { } id)
            {
                return UserError.NotFound("headLeaderId", new Msg($"没有编号为 {head} 的在任领导。", $"There is no active leader {head}."));
            }
            team.HeadId = id;
        }
        if (i.MemberLeaderIds is null && i.Staff is null)
        {
            return null;
        }
        if ((i.MemberLeaderIds?.Count ?? 0) + (i.Staff?.Count ?? 0) > MaxMembers)
        {
            return UserError.Validation("memberLeaderIds", new Msg($"一个专班最多 {MaxMembers} 名成员。", $"A team has at most {MaxMembers} members."));
        }
        var members = new List<TeamMember>();
        foreach (var leader in i.MemberLeaderIds ?? [])
        {
            if (await ActiveLeaderAsync(db, leader) is not { } id)
            {
                return UserError.NotFound("memberLeaderIds", new Msg($"没有编号为 {leader} 的在任领导。", $"There is no active leader {leader}."));
            }
            members.Add(new TeamMember { LeaderId = id });
        }
        foreach (var name in i.Staff ?? [])
        {
            if (Validate.Text("staff", name, 64) is { } invalid)
            {
                return invalid;
            }
            members.Add(new TeamMember { StaffName = name.Trim() });
        }
        if (team.Id != 0)
        {
            await db.TeamMembers.Where(m => m.TeamId == team.Id).ExecuteDeleteAsync();
        }
        team.Members = members;
        return null;
    }

    private static async Task<int?> ActiveLeaderAsync(PetitionDbContext db, string globalId) =>
        GlobalId.TryDecode(globalId, out var type, out var id) && type == "Leader" && await db.Leaders.AnyAsync(l => l.Id == id && l.Active) ? id : null;

    private static async Task<UserError?> AssignAsync(CaseCommand c, AssignTeamInput i)
    {
        if (i.TeamId is null)
        {
            if (c.Case.TeamId is null)
            {
                return UserError.InvalidState(new Msg($"信访事项 {c.Case.Number} 未交由任何专班。", $"Case {c.Case.Number} is in no team."));
            }
            c.Case.TeamId = null;
            return c.Append(CaseEventKind.TeamAssigned, "退出专班");
        }
        if (!GlobalId.TryDecode(i.TeamId, out var type, out var id) || type != "Team"
            || await c.Db.Teams.Where(t => t.Id == id && t.Active).Select(t => t.Name).FirstOrDefaultAsync() is not { } name)
        {
            return UserError.NotFound("teamId", new Msg($"没有编号为 {i.TeamId} 的专班，或该专班已撤销。", $"There is no active team {i.TeamId}."));
        }
        c.Case.TeamId = id;
        return c.Append(CaseEventKind.TeamAssigned, name);
    }
}
