using PetitionGraph.Reporting;

namespace PetitionGraph.Api.Reports.Kinds;

/// <summary>The key cases (五类) at the period's end, from the campaign baseline when a campaign is in force.</summary>
public sealed class KeyCasesSource : IReportSource
{
    public ReportKind Kind => ReportKind.KeyCases;

    public async Task<ReportData> GatherAsync(ReportDataBuilder from, ReportData data, ReportRequest request, CancellationToken ct)
    {
        // Counted from the baseline of the campaign in force, when there is one (DESIGN §6), as keyCases(since:) counts.
        var baseline = request.Campaign is { } campaign ? new KeyCaseBaseline(campaign.BaselineAt, campaign.Name) : null;
        return data with { KeyCases = await from.KeyCasesAsync(request.AsOf, baseline?.From, ct), KeyCaseBaseline = baseline };
    }
}
