using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.Mutations;
using PetitionGraph.Api.GraphQL.Scalars;
using PetitionGraph.Api.Villages;
using static PetitionGraph.Api.GraphQL.ReferenceMutations;

namespace PetitionGraph.Api.Leaders;

public static class LeaderMutations
{
    public static void AddLeaderMutations(this ObjectGraphType mutation)
    {
        mutation.AddReferenceMutation<LeaderType>("createLeader", "Add a town or village leader.", "leader",
            [Input("name", typeof(NonNullGraphType<StringGraphType>)), Input("title", typeof(NonNullGraphType<StringGraphType>)),
             Input("level", typeof(NonNullGraphType<EnumType<LeaderLevel>>)),
             Input("villageCode", typeof(StringGraphType), "Village-level leaders: their village.")],
            async (i, db) =>
            {
                var level = i.Enum<LeaderLevel>("level")!.Value;
                if ((Validate.Text("name", i.Text("name"), 64) ?? Validate.Text("title", i.Text("title"), 64)) is { } invalid)
                {
                    return (null, invalid);
                }
                Village? village = null;
                if (level == LeaderLevel.Village)
                {
                    var code = i.Text("villageCode")?.Trim();
                    village = await db.Villages.FirstOrDefaultAsync(v => v.Code == code && v.Active);
                    if (village is null)
                    {
                        return (null, UserError.NotFound("villageCode", $"A village-level leader needs an active village; '{code}' is none."));
                    }
                }
                var leader = new Leader { Name = i.Text("name")!.Trim(), Title = i.Text("title")!.Trim(), Level = level, VillageId = village?.Id };
                db.Leaders.Add(leader);
                return (leader, null);
            });
        mutation.AddReferenceMutation<LeaderType>("renameLeader", "Change a leader's name or title.", "leader",
            [Input("leaderId", typeof(NonNullGraphType<IdGraphType>)), Input("name", typeof(StringGraphType)), Input("title", typeof(StringGraphType))],
            async (i, db) => await FindAsync<Leader>(db, i.Text("leaderId"), "Leader") is not { } leader
                ? (null, UserError.NotFound("leaderId", $"There is no leader {i.Text("leaderId")}."))
                : i.Text("name") is null && i.Text("title") is null ? (null, UserError.Validation("name", "Give name, title or both."))
                : (Change(leader, l =>
                {
                    l.Name = i.Text("name")?.Trim() is { Length: > 0 } name ? name : l.Name;
                    l.Title = i.Text("title")?.Trim() is { Length: > 0 } title ? title : l.Title;
                }), null));
        mutation.AddReferenceMutation<LeaderType>("deactivateLeader", "Deactivate a leader: no new assignments; history is kept.", "leader",
            [Input("leaderId", typeof(NonNullGraphType<IdGraphType>))],
            async (i, db) => await FindAsync<Leader>(db, i.Text("leaderId"), "Leader") is not { } leader
                ? (null, UserError.NotFound("leaderId", $"There is no leader {i.Text("leaderId")}."))
                : (Change(leader, l => l.Active = false), null));
    }
}
