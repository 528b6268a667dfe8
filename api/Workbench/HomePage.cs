using System.Globalization;
using System.Text;
using System.Text.Json;
using GraphQL;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.Reports;
using PetitionGraph.Reporting;
using PetitionGraph.Reporting.Kinds;

namespace PetitionGraph.Api.Workbench;

/// <summary>
/// <c>GET /</c> for a signed-in browser: this month's headline figures and the latest report of each kind with its
/// downloads, read through the GraphQL API as the caller (so the figures cover the caller's scope, and reports appear
/// only to the roles that may open them), and links to the IDE, the schema and the examples. Server-rendered, no script.
/// </summary>
public sealed class HomePage(CallerQuery queries, OfficeTime office, TimeProvider clock, WorkbenchOptions options, IHostEnvironment environment, ReportOptions reports)
{
    private static readonly ReportKind[] Kinds = Enum.GetValues<ReportKind>();

    public async Task WriteAsync(HttpContext http, Caller caller)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var local = office.ToOffice(now).DateTime;
        var month = new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        // Last month beside this one: early in a month, this month's figures are still small.
        var from = office.FromOffice(month.AddMonths(-1));
        var to = office.FromOffice(month.AddMonths(1));
        var mayList = ReportAccess.MayList(caller);
        var query = new StringBuilder("query HomePage($from: DateTime!, $to: DateTime!) { statistics(from: $from, to: $to) { buckets { label stock increment backlogIncrement resolved ")
            .Append("onTimeAcceptanceRate { value numerator denominator } onTimeConclusionRate { value numerator denominator } satisfactionRate { value numerator denominator } } } ");
        if (mayList)
        {
            foreach (var kind in Kinds)
            {
                query.Append(CultureInfo.InvariantCulture, $"r{(int)kind}: latestReportRun(report: {EnumNames.Name(kind)}) {{ period createdAt trigger artifacts {{ fileName size url }} }} ");
            }
        }
        query.Append('}');
        var variables = new Inputs(new Dictionary<string, object?> { ["from"] = from, ["to"] = to });
        using var result = await queries.ExecuteAsync(http, caller, query.ToString(), null, "HomePage", variables, "HomePage", http.RequestAborted);
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<h1>{Pages.Encode(reports.OfficeName)} · {local:yyyy年M月}</h1>");
        if (result.FirstError is { } error)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"error\">{Pages.Encode(error)}</p>");
        }
        WriteFigures(body, result.Data, caller);
        if (mayList)
        {
            WriteReports(body, result.Data);
        }
        WriteLinks(body);
        await Pages.WriteAsync(http, "首页 Home", body.ToString(), $"{caller.Name} · {EnumNames.Name(caller.Role)}");
    }

    private static void WriteFigures(StringBuilder body, JsonElement data, Caller caller)
    {
        body.Append("<h2>本月概况 This month</h2><section><div class=\"figures\">");
        if (data.ValueKind == JsonValueKind.Object && data.TryGetProperty("statistics", out var statistics) && statistics.GetProperty("buckets") is { ValueKind: JsonValueKind.Array } buckets
            && buckets.GetArrayLength() == 2)
        {
            var (last, current) = (buckets[0], buckets[1]);
            Count(body, "存量 Stock", "stock", current, last, "在积案中（现在）in backlog now");
            Count(body, "增量 Increment", "increment", current, last, "初信初访 first petitions");
            Count(body, "新增积案 New backlog", "backlogIncrement", current, last, "首次成为积案 entered the backlog");
            Count(body, "化解 Resolved", "resolved", current, last, "化解的积案 backlog cases resolved");
            Rate(body, "及时受理率 On-time acceptance", "onTimeAcceptanceRate", current, last);
            Rate(body, "按期办结率 On-time conclusion", "onTimeConclusionRate", current, last);
            Rate(body, "满意率 Satisfaction", "satisfactionRate", current, last);
        }
        body.Append("</div>");
        if (caller.Role is not (Role.Admin or Role.Office or Role.Analyst))
        {
            body.Append("<p class=\"muted\">只统计你有权查看的事项。Counted over the cases you may see.</p>");
        }
        body.Append("</section>");
    }

    private static void Figure(StringBuilder body, string name, string value, string note, string previous) =>
        body.Append(CultureInfo.InvariantCulture,
            $"<div class=\"figure\"><span>{Pages.Encode(name)}</span><b>{Pages.Encode(value)}</b><span>{Pages.Encode(note)}</span><br><span>上月 last month: {Pages.Encode(previous)}</span></div>");

    private static void Count(StringBuilder body, string name, string field, JsonElement current, JsonElement last, string note) =>
        Figure(body, name, current.GetProperty(field).GetInt32().ToString("N0", CultureInfo.InvariantCulture), note,
            last.GetProperty(field).GetInt32().ToString("N0", CultureInfo.InvariantCulture));

    private static void Rate(StringBuilder body, string name, string field, JsonElement current, JsonElement last)
    {
        var rate = current.GetProperty(field);
        var denominator = rate.GetProperty("denominator").GetInt32();
        Figure(body, name, rate.GetProperty("value").ValueKind == JsonValueKind.Number ? RateText(rate) : "—", denominator == 0 ? "本月尚无到期 nothing fell due yet" : "本月 this month",
            RateText(last.GetProperty(field)));
    }

    private static string RateText(JsonElement rate) =>
        rate.GetProperty("value") is { ValueKind: JsonValueKind.Number } v
            ? string.Create(CultureInfo.InvariantCulture, $"{v.GetDouble() * 100:0.0}% ({rate.GetProperty("numerator").GetInt32():N0}/{rate.GetProperty("denominator").GetInt32():N0})")
            : "—";

    private void WriteReports(StringBuilder body, JsonElement data)
    {
        body.Append("<h2>最新报表 Latest reports</h2><section><table><thead><tr><th>报表 Report</th><th>期间 Period</th><th>生成 Made</th><th>下载 Download</th></tr></thead><tbody>");
        foreach (var kind in Kinds)
        {
            var title = Pages.Encode(ReportDefinitions.For(kind).Title);
            if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty($"r{(int)kind}", out var run) || run.ValueKind != JsonValueKind.Object)
            {
                body.Append(CultureInfo.InvariantCulture, $"<tr><td>{title}</td><td colspan=\"3\" class=\"muted\">尚未生成 none yet</td></tr>");
                continue;
            }
            var made = office.ToOffice(run.GetProperty("createdAt").GetDateTimeOffset().UtcDateTime).DateTime;
            var links = string.Join(" · ", run.GetProperty("artifacts").EnumerateArray()
                .Where(a => a.GetProperty("fileName").GetString() is "report.pdf" or "report.xlsx" or "report.html")
                .OrderBy(a => a.GetProperty("fileName").GetString(), StringComparer.Ordinal)
                .Select(a => $"<a href=\"{Pages.Encode(a.GetProperty("url").GetString())}\">{Pages.Encode(Path.GetExtension(a.GetProperty("fileName").GetString())!.TrimStart('.').ToUpperInvariant())}</a>"));
            body.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{title}</td><td>{Pages.Encode(run.GetProperty("period").GetString())}</td><td>{made:yyyy-MM-dd HH:mm}</td><td>{links}</td></tr>");
        }
        body.Append("</tbody></table></section>");
    }

    private void WriteLinks(StringBuilder body)
    {
        body.Append("<h2>查询与文档 Query and documentation</h2><section><ul>");
        if (options.IdeEnabled(environment))
        {
            body.Append("<li><a href=\"/graphql\">GraphQL 查询工具 (IDE)</a> — 编写查询、查看文档、导出 Excel。Write queries, read the schema's documentation, export to Excel.</li>");
            body.Append("<li><a href=\"/graphql#examples\">示例查询 Example queries</a> — README 中的查询与 schema/operations 中的操作。The README's queries and the example operations.</li>");
        }
        body.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{SchemaEndpoint.Path}\">GraphQL schema (SDL)</a> — 接口契约 the contract integrations build on.</li>");
        body.Append("<li>健康检查 Health: <a href=\"/healthz\">/healthz</a> · <a href=\"/readyz\">/readyz</a></li></ul></section>");
    }
}
