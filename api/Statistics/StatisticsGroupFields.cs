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
        type.Field<CategoryType>("category").Resolve(c => group(c.Source).CategoryId is { } id ? c.LoadById<Category>(id) : null);
        type.Field<VillageType>("village").Resolve(c => group(c.Source).VillageId is { } id ? c.LoadById<Village>(id) : null);
        type.Field<LeaderType>("leader").Resolve(c => group(c.Source).LeaderId is { } id ? c.LoadById<Leader>(id) : null);
        type.Field<EnumType<Channel>>("channel").Resolve(c => group(c.Source).Channel);
        type.Field<EnumType<PetitionLevel>>("level").Resolve(c => group(c.Source).Level);
    }
}
