using System.ComponentModel;

namespace PetitionGraph.Api.Statistics;

/// <summary>Calendar buckets in the office's time zone; weeks start on Monday.</summary>
[Description("统计周期: calendar buckets in the office's time zone.")]
public enum StatisticsInterval
{
    [Description("One calendar day.")]
    Day,
    [Description("Monday to Sunday.")]
    Week,
    [Description("A calendar month.")]
    Month,
    [Description("A calendar quarter (Q1 = January to March).")]
    Quarter,
    [Description("A calendar year.")]
    Year,
}

/// <summary>What figures can be grouped by (DESIGN §6).</summary>
[Description("分组维度: what figures can be grouped by (DESIGN §6).")]
public enum StatisticsDimension
{
    [Description("领域: the case's domain category.")]
    Category,
    [Description("属地: the case's village or community.")]
    Village,
    [Description("The leaders assigned to the case at the instant each fact happened; a case with two leaders counts for both, a case with none for no leader.")]
    Leader,
    [Description("The petition's own channel for petition figures; the first petition's for case figures.")]
    Channel,
    [Description("The petition's own level for petition figures; the first petition's for case figures.")]
    Level,
    [Description("专班: the case's task team now (not when the fact happened: teams are the office's current organisation); cases outside every team are in no group.")]
    Team,
    [Description("化解方式: how the case was settled (resolved cases; the others are in no group).")]
    Way,
    [Description("救助: the kind of hardship assistance given on settlement (cases with none are in no group).")]
    Assistance,
}
