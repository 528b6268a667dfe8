namespace PetitionGraph.Reporting;

public enum ReportKind
{
    MonthlyOverview,
    ByCategory,
    ByVillage,
    LeaderOwnership,
    DueList,
    KeyCases,
    CampaignProgress,
}
