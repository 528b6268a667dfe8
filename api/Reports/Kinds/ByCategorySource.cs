using PetitionGraph.Api.Statistics;
using PetitionGraph.Reporting;

namespace PetitionGraph.Api.Reports.Kinds;

/// <summary>The period, overall and by category.</summary>
public sealed class ByCategorySource : IReportSource
{
    public ReportKind Kind => ReportKind.ByCategory;

    public async Task<ReportData> GatherAsync(ReportDataBuilder from, ReportData data, ReportRequest request, CancellationToken ct)
    {
        var bucket = ReportDataBuilder.Bucket(request.Period);
        return data with
        {
            Period = (await from.FiguresAsync([bucket], [], request.Now, ct)).Single(),
            ByCategory = await from.FiguresAsync([bucket], [StatisticsDimension.Category], request.Now, ct),
        };
    }
}
