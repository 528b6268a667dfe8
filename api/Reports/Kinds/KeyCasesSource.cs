using PetitionGraph.Reporting;

namespace PetitionGraph.Api.Reports.Kinds;

/// <summary>The key cases (五类) at the period's end.</summary>
public sealed class KeyCasesSource : IReportSource
{
    public ReportKind Kind => ReportKind.KeyCases;

    public async Task<ReportData> GatherAsync(ReportDataBuilder from, ReportData data, ReportRequest request, CancellationToken ct)
    {
        return data with { KeyCases = await from.KeyCasesAsync(request.AsOf, ct) };
    }
}
