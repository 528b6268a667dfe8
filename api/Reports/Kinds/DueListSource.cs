using PetitionGraph.Reporting;

namespace PetitionGraph.Api.Reports.Kinds;

/// <summary>Steps overdue or falling due soon.</summary>
public sealed class DueListSource : IReportSource
{
    public ReportKind Kind => ReportKind.DueList;

    public async Task<ReportData> GatherAsync(ReportDataBuilder from, ReportData data, ReportRequest request, CancellationToken ct)
    {
        return data with { Due = await from.DueAsync(request.AsOf, ct) };
    }
}
