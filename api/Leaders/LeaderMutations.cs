using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.Mutations;
using PetitionGraph.Api.Language;
using PetitionGraph.Api.Villages;
using static PetitionGraph.Api.GraphQL.ReferenceMutations;

namespace PetitionGraph.Api.Leaders;

public static class LeaderMutations
{
    public static void AddLeaderMutations(this ObjectGraphType mutation)
    {
        mutation.AddReferenceMutation<LeaderType, CreateLeaderInput>("createLeader", "Add a town or village leader.", "leader",
            async (i, db) =>
            {
                var level = i.Level;
                if ((Validate.Text("name", i.Name, 64) ?? Validate.Text("title", i.Title, 64)) is { } invalid)
                {
                    return (null, invalid);
                }
                Village? village = null;
                if (level == LeaderLevel.Village)
                {
                    var code = i.VillageCode?.Trim();
                    village = await db.Villages.FirstOrDefaultAsync(v => v.Code == code && v.Active);
                    if (village is null)
                    {
                        return (null, UserError.NotFound("villageCode",
                            new Msg($"村级领导须属于一个在用的村（社区）；“{code}”不是在用的村（社区）代码。", $"A village-level leader needs an active village; '{code}' is none.")));
                    }
                }
                var leader = new Leader { Name = i.Name.Trim(), Title = i.Title.Trim(), Level = level, VillageId = village?.Id };
                db.Leaders.Add(leader);
                return (leader, null);
            });
        mutation.AddReferenceMutation<LeaderType, RenameLeaderInput>("renameLeader", "Change a leader's name or title.", "leader",
            async (i, db) => await FindAsync<Leader>(db, i.LeaderId, "Leader") is not { } leader
                ? (null, UserError.NotFound("leaderId", new Msg($"没有编号为 {i.LeaderId} 的领导。", $"There is no leader {i.LeaderId}.")))
                : i.Name is null && i.Title is null ? (null, UserError.Validation("name", new Msg("请填写 name、title 或两者都填。", "Give name, title or both.")))
                : (Change(leader, l =>
                {
                    l.Name = i.Name?.Trim() is { Length: > 0 } name ? name : l.Name;
                    l.Title = i.Title?.Trim() is { Length: > 0 } title ? title : l.Title;
                }), null));
        mutation.AddReferenceMutation<LeaderType, LeaderIdInput>("deactivateLeader", "Deactivate a leader: no new assignments; history is kept.", "leader",
            async (i, db) => await FindAsync<Leader>(db, i.LeaderId, "Leader") is not { } leader
                ? (null, UserError.NotFound("leaderId", new Msg($"没有编号为 {i.LeaderId} 的领导。", $"There is no leader {i.LeaderId}.")))
                : (Change(leader, l => l.Active = false), null));
    }
}
