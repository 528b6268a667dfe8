using System.ComponentModel;

namespace PetitionGraph.Api.Statistics;

/// <summary>Calendar buckets in the office's time zone; weeks start on Monday.</summary>
public enum StatisticsInterval
{
    Day,
    [Description("Monday to Sunday.")]
    Week,
    Month,
    Quarter,
    Year,
}

/// <summary>What figures can be grouped by (DESIGN §6).</summary>
public enum StatisticsDimension
{
    Category,
    Village,
    [Description("The leaders assigned to the case at the instant each fact happened; a case with two leaders counts for both, a case with none for no leader.")]
    Leader,
    [Description("The petition's own channel for petition figures; the first petition's for case figures.")]
    Channel,
    [Description("The petition's own level for petition figures; the first petition's for case figures.")]
    Level,
}
