using PetitionGraph.Api.Language;
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
            var (zh, en) = request.Period.Interval switch
            {
                Statistics.StatisticsInterval.Week => ("本周", "this week"),
                Statistics.StatisticsInterval.Day => ("今天", "today"),
                _ => ("本月", "this month"),
            };
            throw new ReportDataException(new Msg(
                $"到期提醒清单列出的是当前逾期或即将到期的事项，只能按当前期间生成（如{zh}）；{request.Period.Text} 不是当前期间。",
                $"The due list shows what is due now, so it is made for the current period only (e.g. {en}); {request.Period.Text} is not current."));
        }
        return data with { Due = await from.DueAsync(request.Now, ct) };
    }
}
