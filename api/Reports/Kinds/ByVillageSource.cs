using PetitionGraph.Api.Statistics;
using PetitionGraph.Reporting;

namespace PetitionGraph.Api.Reports.Kinds;

/// <summary>The period, overall and by village.</summary>
public sealed class ByVillageSource : IReportSource
{
    public ReportKind Kind => ReportKind.ByVillage;

    public async Task<ReportData> GatherAsync(ReportDataBuilder from, ReportData data, ReportRequest request, CancellationToken ct)
    {
        var bucket = ReportDataBuilder.Bucket(request.Period);
        return data with
        {
            Period = (await from.FiguresAsync([bucket], [], request.Now, ct)).Single(),
            ByVillage = await from.FiguresAsync([bucket], [StatisticsDimension.Village], request.Now, ct),
        };
    }
}
