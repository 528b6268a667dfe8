using PetitionGraph.Reporting;

namespace PetitionGraph.Api.Reports;

/// <summary>The reports by their CLI and URL names (monthly-overview, …) and their Chinese titles.</summary>
public static class ReportNames
{
    private static readonly Dictionary<ReportKind, (string Name, string Title)> Kinds = new()
    {
        [ReportKind.MonthlyOverview] = ("monthly-overview", "信访工作月报"),
        [ReportKind.ByCategory] = ("by-category", "分领域信访情况"),
        [ReportKind.ByVillage] = ("by-village", "分村（社区）信访情况"),
        [ReportKind.LeaderOwnership] = ("leader-ownership", "领导包案情况汇总表"),
        [ReportKind.DueList] = ("due-list", "超期及临期事项清单"),
        [ReportKind.KeyCases] = ("key-cases", "五类重点信访事项"),
        [ReportKind.CampaignProgress] = ("campaign-progress", "专项行动进展"),
    };

    public static IEnumerable<string> All => Kinds.Values.Select(k => k.Name);

    public static string Name(ReportKind kind) => Kinds[kind].Name;

    public static string Title(ReportKind kind) => Kinds[kind].Title;

    public static bool TryParse(string? name, out ReportKind kind)
    {
        foreach (var (k, v) in Kinds)
        {
            if (string.Equals(v.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
