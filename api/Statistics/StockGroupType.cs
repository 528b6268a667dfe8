using GraphQL.Types;
using PetitionGraph.Api.GraphQL.Scalars;

namespace PetitionGraph.Api.Statistics;

public sealed record StockGroup(DateTime At, StatisticsGroup Group, int Stock);

public sealed class StockGroupType : ObjectGraphType<StockGroup>
{
    public StockGroupType()
    {
        Name = "StockGroup";
        Description = "存量 of one group at an instant.";
        Field(s => s.At, type: typeof(NonNullGraphType<DateTimeScalar>)).Description("The instant the stock is counted at.");
        this.GroupFields(s => s.Group);
        Field(s => s.Stock).Description("Cases in backlog at the instant: entered before it and not left before it.");
    }
}
