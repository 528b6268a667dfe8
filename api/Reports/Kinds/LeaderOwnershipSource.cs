using PetitionGraph.Reporting;

namespace PetitionGraph.Api.Reports.Kinds;

/// <summary>Every case in the backlog at some time in the period, as it stood at the period's end, with the leaders who owned it in the period.</summary>
public sealed class LeaderOwnershipSource : IReportSource
{
    public ReportKind Kind => ReportKind.LeaderOwnership;

    public async Task<ReportData> GatherAsync(ReportDataBuilder from, ReportData data, ReportRequest request, CancellationToken ct)
    {
        var (rows, _) = await from.OwnershipAsync(ReportDataBuilder.InBacklogDuring(request.Period.Start, request.AsOf), request.Period.Start, request.AsOf, request.ShowsNames, ct);
        return data with { Ownership = rows };
    }
}
