using GraphQL.Types;
using PetitionGraph.Api.Categories;
using PetitionGraph.Api.GraphQL.DataLoading;
using PetitionGraph.Api.GraphQL.Scalars;
using PetitionGraph.Api.Leaders;
using PetitionGraph.Api.Petitions;
using PetitionGraph.Api.Villages;

namespace PetitionGraph.Api.Statistics;

public static class StatisticsGroupFields
{
    /// <summary>The group's dimensions as fields (null when not grouped by), the related rows through their loaders.</summary>
    public static void GroupFields<T>(this ObjectGraphType<T> type, Func<T, StatisticsGroup> group)
    {
        type.Field<CategoryType>("category").Description("领域: the category of this group; null when not grouped by CATEGORY.").Resolve(c => group(c.Source).CategoryId is { } id ? c.LoadById<Category>(id) : null);
        type.Field<VillageType>("village").Description("村/社区: the village of this group; null when not grouped by VILLAGE.").Resolve(c => group(c.Source).VillageId is { } id ? c.LoadById<Village>(id) : null);
        type.Field<LeaderType>("leader").Description("包案领导: the leader of this group; null when not grouped by LEADER.").Resolve(c => group(c.Source).LeaderId is { } id ? c.LoadById<Leader>(id) : null);
        type.Field<EnumType<Channel>>("channel").Description("信访渠道: the channel of this group; null when not grouped by CHANNEL.").Resolve(c => group(c.Source).Channel);
        type.Field<Teams.TeamType>("team").Description("专班: the task team of this group; null when not grouped by TEAM.").Resolve(c => group(c.Source).TeamId is { } id ? c.LoadById<Teams.Team>(id) : null);
        type.Field<Settlement.SettlementWayType>("way").Description("化解方式: the way of this group; null when not grouped by WAY.").Resolve(c => group(c.Source).WayId is { } id ? c.LoadById<Settlement.SettlementWay>(id) : null);
        type.Field<EnumType<Settlement.AssistanceKind>>("assistance").Description("救助: the assistance kind of this group; null when not grouped by ASSISTANCE.").Resolve(c => group(c.Source).Assistance);
        type.Field<EnumType<PetitionLevel>>("level").Description("登记层级: the level of this group; null when not grouped by LEVEL.").Resolve(c => group(c.Source).Level);
    }
}
