using System.ComponentModel;

namespace PetitionGraph.Reporting;

[Description("报表: the reports the office files.")]
public enum ReportKind
{
    [Description("月度总表: the month's figures (stock, increment, rates) with charts.")]
    MonthlyOverview,
    [Description("分领域统计: the figures per domain category.")]
    ByCategory,
    [Description("分村（社区）统计: the figures per village or community.")]
    ByVillage,
    [Description("领导包案情况: each answerable leader's cases and their status.")]
    LeaderOwnership,
    [Description("到期提醒清单: cases whose next step falls due.")]
    DueList,
    [Description("五类重点信访事项: key cases by class.")]
    KeyCases,
    [Description("专项行动进展: where each campaign target stands.")]
    CampaignProgress,
}
