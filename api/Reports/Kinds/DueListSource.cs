using PetitionGraph.Reporting;

namespace PetitionGraph.Api.Reports.Kinds;

/// <summary>
/// Steps overdue or falling due within a week — now. A past period is refused rather than shown with today's due
/// dates: the steps met since would be missing and the ones added since would appear (figures for past periods, such
/// as the on-time rates, are in the other reports).
/// </summary>
public sealed class DueListSource : IReportSource
{
    public ReportKind Kind => ReportKind.DueList;

    public async Task<ReportData> GatherAsync(ReportDataBuilder from, ReportData data, ReportRequest request, CancellationToken ct)
    {
        if (!(request.Period.Start <= request.Now && request.Now < request.Period.End))
        {
            throw new ReportDataException(
                $"The due list shows what is due now, so it is made for the current period only (e.g. {request.Period.Interval switch { Statistics.StatisticsInterval.Week => "this week", Statistics.StatisticsInterval.Day => "today", _ => "this month" }}); {request.Period.Text} is not current.");
        }
        return data with { Due = await from.DueAsync(request.Now, ct) };
    }
}
