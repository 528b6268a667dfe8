using PetitionGraph.Reporting;

namespace PetitionGraph.Api.Reports.Kinds;

/// <summary>Every case in the backlog at the period's end, with its leaders then.</summary>
public sealed class LeaderOwnershipSource : IReportSource
{
    public ReportKind Kind => ReportKind.LeaderOwnership;

    public async Task<ReportData> GatherAsync(ReportDataBuilder from, ReportData data, ReportRequest request, CancellationToken ct)
    {
        return data with { Ownership = await from.OwnershipAsync(request.AsOf, request.ShowsNames, ct) };
    }
}
