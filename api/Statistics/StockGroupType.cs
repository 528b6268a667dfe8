using GraphQL.Types;
using PetitionGraph.Api.Categories;
using PetitionGraph.Api.GraphQL.DataLoading;
using PetitionGraph.Api.GraphQL.Scalars;
using PetitionGraph.Api.Leaders;
using PetitionGraph.Api.Petitions;
using PetitionGraph.Api.Villages;

namespace PetitionGraph.Api.Statistics;

public sealed record StockGroup(DateTime At, StatisticsGroup Group, int Stock);

public sealed class StockGroupType : ObjectGraphType<StockGroup>
{
    public StockGroupType()
    {
        Name = "StockGroup";
        Description = "存量 of one group at an instant.";
        Field(s => s.At, type: typeof(NonNullGraphType<DateTimeScalar>));
        Field<CategoryType>("category").Resolve(c => c.Source.Group.CategoryId is { } id ? c.LoadById<Category>(id) : null);
        Field<VillageType>("village").Resolve(c => c.Source.Group.VillageId is { } id ? c.LoadById<Village>(id) : null);
        Field<LeaderType>("leader").Resolve(c => c.Source.Group.LeaderId is { } id ? c.LoadById<Leader>(id) : null);
        Field<EnumType<Channel>>("channel").Resolve(c => c.Source.Group.Channel);
        Field<EnumType<PetitionLevel>>("level").Resolve(c => c.Source.Group.Level);
        Field(s => s.Stock).Description("Cases in backlog at the instant: entered before it and not left before it.");
    }
}
