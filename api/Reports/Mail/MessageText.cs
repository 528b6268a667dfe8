using System.Globalization;
using System.Text;
using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.Reports.Mail;

/// <summary>The plain-text bodies of the messages: what the report is, what is attached, where to read it online.</summary>
public static class MessageText
{
    public static string Report(string title, string label, ReportRun run, IEnumerable<string> attached, string? baseUrl)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"《{title}》（{label}）已按计划生成。");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"附件：{string.Join("、", attached)}");
        // Only a report that lists petitioners says anything about personal data (as its pages do).
        if (PetitionGraph.Reporting.Kinds.ReportDefinitions.TryParse(run.Report, out var kind) && PetitionGraph.Reporting.Kinds.ReportDefinitions.For(kind).ListsPetitioners)
        {
            text.AppendLine(ReportAccess.ShowsNames(run.ReaderRole) ? "本报表含信访人个人信息，仅限工作使用，不得外传。" : "信访人个人信息已脱敏。");
        }
        if (Link(baseUrl, run.Id) is { } link)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"在线查看（需登录）：{link}");
        }
        text.AppendLine();
        text.AppendLine("—— PetitionGraph 定期报表。退订请联系系统管理员。");
        return text.ToString();
    }

    public static string Notice(ReportDelivery delivery, ReportRun run, string title, string label, string? baseUrl)
    {
        var text = new StringBuilder();
        text.AppendLine(delivery.Kind == DeliveryKind.RunFailed
            ? $"定期报表《{title}》（{label}）经 {run.Attempts} 次尝试仍未生成，已停止重试。"
            : $"定期报表《{title}》（{label}）未能发送给订阅人，已停止重试。");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"原因：{delivery.Detail}");
        text.AppendLine(CultureInfo.InvariantCulture, $"报表运行：ReportRun {run.Id}（{EnumNames.Name(run.Status)}）");
        if (Link(baseUrl, null) is { } link)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"查看：{link}（reportRuns）");
        }
        return text.ToString();
    }

    private static string? Link(string? baseUrl, int? run) =>
        string.IsNullOrWhiteSpace(baseUrl) ? null : baseUrl.TrimEnd('/') + (run is { } id ? $"/reports/{id}/report.html" : "/graphql");
}
