using PetitionGraph.Api.Language;
using PetitionGraph.Reporting;

namespace PetitionGraph.Api.Reports.Kinds;

/// <summary>The campaign in force at the period's end: its phases, targets and progress.</summary>
public sealed class CampaignProgressSource : IReportSource
{
    public ReportKind Kind => ReportKind.CampaignProgress;

    public bool ShowsTargets => true;

    public async Task<ReportData> GatherAsync(ReportDataBuilder from, ReportData data, ReportRequest request, CancellationToken ct)
    {
        if (request.Campaign is not { } campaign)
        {
            var asOf = from.Office.ToOffice(request.AsOf);
            throw new ReportDataException(new Msg($"截至 {asOf:yyyy-MM-dd} 没有已设定基线的专项行动。",
                $"There is no campaign with a baseline on or before {asOf:yyyy-MM-dd}."));
        }
        return data with
        {
            Trend = await from.TrendAsync(request.Period, request.Now, ct),
            Period = (await from.FiguresAsync([ReportDataBuilder.Bucket(request.Period)], [], request.Now, ct)).Single(),
            Campaign = new CampaignProgress(campaign.Name, campaign.BaselineAt,
                campaign.Phases.OrderBy(p => p.From)
                    .Select(p => new CampaignPhaseRow(ReportDataBuilder.PhaseName(p.Kind), p.From, p.To, p.From <= request.AsOf && request.AsOf < p.To)).ToList(),
                request.Progress.Select(ReportDataBuilder.TargetRow).ToList())
            { AsOf = request.AsOf },
        };
    }
}
