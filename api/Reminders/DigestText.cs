using System.Globalization;
using System.Text;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.Work;

namespace PetitionGraph.Api.Reminders;

/// <summary>One reminder as a digest lists it.</summary>
public sealed record DigestLine(int CaseId, string Number, string Title, WorkKind Step, ReminderKind Kind, DateTime DueAt, string? PlanStep);

/// <summary>The words of reminders, in the office's language: the in-app text and the digest's body.</summary>
public static class DigestText
{
    public static string StepName(WorkKind step, string? planStep) => step switch
    {
        WorkKind.Acceptance => "受理告知",
        WorkKind.Conclusion => "办理答复",
        WorkKind.Review => "复查意见",
        WorkKind.SecondReview => "复核意见",
        WorkKind.Referral => "交办反馈",
        _ => planStep is null ? "化解方案步骤" : "化解方案步骤：" + planStep,
    };

    /// <summary>How near the step is, counted from <paramref name="now"/> on the office calendar.</summary>
    public static string Urgency(ReminderKind kind, DateTime dueAt, DateTime now, OfficeTime office)
    {
        var days = office.CalendarDaysBetween(now, dueAt);
        return kind switch
        {
            ReminderKind.Escalated => $"超期 {-days} 天，请督办",
            _ when dueAt <= now => days == 0 ? "今日已超期" : $"已超期 {-days} 天",
            _ when days <= 0 => "今日到期",
            _ => $"还有 {days} 天到期",
        };
    }

    public static string Body(string day, IReadOnlyList<DigestLine> lines, Func<int, IEnumerable<string>> petitioners, DateTime now, OfficeTime office, string? baseUrl)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"以下 {lines.Count} 项事项等待办理（{day}）：");
        text.AppendLine();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            text.AppendLine(CultureInfo.InvariantCulture, $"{i + 1}. 【{Urgency(line.Kind, line.DueAt, now, office)}】{line.Number} {line.Title}");
            var names = string.Join("、", petitioners(line.CaseId));
            text.AppendLine(CultureInfo.InvariantCulture,
                $"   {StepName(line.Step, line.PlanStep)}，期限 {office.ToOffice(line.DueAt):yyyy-MM-dd HH:mm}{(names.Length > 0 ? "；信访人：" + names : "")}");
        }
        text.AppendLine();
        text.AppendLine(string.IsNullOrWhiteSpace(baseUrl) ? "请登录 PetitionGraph 查看“我的待办”（myWork）。" : $"请登录查看“我的待办”：{baseUrl.TrimEnd('/')}/graphql");
        text.AppendLine("—— PetitionGraph 待办提醒。事项办结后提醒自动撤回；夜间不发送。");
        return text.ToString();
    }
}
