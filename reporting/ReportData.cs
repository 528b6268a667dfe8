namespace PetitionGraph.Reporting;

/// <summary>Everything one report shows; a report kind reads only the members it needs.</summary>
public sealed record ReportData(ReportKind Kind, ReportContext Context)
{
    /// <summary>Totals per bucket (Group null), e.g. the last 12 months up to the period.</summary>
    public IReadOnlyList<FigureRow> Trend { get; init; } = [];

    /// <summary>The same figures for the period before (环比), the same period a year earlier (同比) and 1 January to the period's end (本年累计).</summary>
    public FigureComparison? Comparison { get; init; }

    /// <summary>Totals for the report period itself.</summary>
    public FigureRow? Period { get; init; }

    /// <summary>One row per category for the period (Group = category name).</summary>
    public IReadOnlyList<FigureRow> ByCategory { get; init; } = [];

    /// <summary>One row per village for the period (Group = village name).</summary>
    public IReadOnlyList<FigureRow> ByVillage { get; init; } = [];

    public IReadOnlyList<OwnershipRow> Ownership { get; init; } = [];

    /// <summary>上期数据更正: figures of closed periods restated by corrections recorded in this report's period.</summary>
    public IReadOnlyList<RestatedFigure> Restated { get; init; } = [];

    public IReadOnlyList<DueRow> Due { get; init; } = [];

    public IReadOnlyList<KeyCaseRow> KeyCases { get; init; } = [];

    /// <summary>The baseline the key classes count petitions from (a campaign's), or null for every petition.</summary>
    public KeyCaseBaseline? KeyCaseBaseline { get; init; }

    public CampaignProgress? Campaign { get; init; }

    /// <summary>Target line on the stock trend chart, if a campaign sets one.</summary>
    public double? StockTarget { get; init; }

    /// <summary>Targets for rates by their Chinese name, e.g. "及时受理率" → 1.0.</summary>
    public IReadOnlyDictionary<string, double> RateTargets { get; init; } = new Dictionary<string, double>();
}
