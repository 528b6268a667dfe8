using System.Globalization;
using GraphQL;
using Microsoft.AspNetCore.Http.Features;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.Http;
using PetitionGraph.Api.Language;

namespace PetitionGraph.Api.Workbench.Export;

/// <summary>
/// <c>POST /graphql/export?format=xlsx|csv</c>, the body as for <c>/graphql</c>: runs the query as its caller and writes
/// the first list in the result as a table, page after page of a connection up to <see cref="WorkbenchOptions.ExportMaxRows"/>,
/// streamed (one page in memory at a time). Errors before the first row are answered as GraphQL errors with a 4xx; a
/// failure after the download began aborts it, so a cut file is never taken for a whole one.
/// </summary>
public sealed class ExportEndpoint(GraphQLHttpEndpoint graphql, OperationSource sources, CallerQuery queries, OfficeTime office, WorkbenchOptions options,
    TimeProvider clock, ILogger<ExportEndpoint> logger)
{
    public const string Path = "/graphql/export";

    public async Task HandleAsync(HttpContext http)
    {
        if (Caller.From(http.User) is not { } caller)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            await Hosting.ErrorResponses.WriteAsync(http, StatusCodes.Status401Unauthorized, "UNAUTHENTICATED", new Language.Msg("请提供有效的令牌（或在 /signin 登录）。", "Send a valid bearer token (or sign in at /signin)."));
            return;
        }
        var format = http.Request.Query["format"].ToString().ToLowerInvariant();
        if (format is not ("xlsx" or "csv"))
        {
            await BadRequestAsync(http, new Msg("请用 ?format=xlsx 或 ?format=csv 选择文件格式。", "Choose the file with ?format=xlsx or ?format=csv."));
            return;
        }
        var (request, problem, status) = await GraphQLHttpEndpoint.ReadAsync(http);
        if (request is null)
        {
            await Hosting.ErrorResponses.WriteAsync(http, status, "BAD_REQUEST", problem!.Value);
            return;
        }
        var source = sources.Resolve(caller, request.Query, request.DocumentId, request.Extensions);
        if (source.Text is null)
        {
            await Hosting.ErrorResponses.WriteAsync(http, source.Status, source.Code!, source.Message!.Value);
            return;
        }
        var (inputs, inputProblem) = graphql.ReadInputs(request);
        var (document, syntax) = DocumentGuard.TryParse(source.Text);
        if (inputs is null || document is null)
        {
            await BadRequestAsync(http, inputProblem ?? syntax ?? new Msg("查询不是有效的 GraphQL：请在查询工作台（或 POST /graphql）中运行以查看出错位置。",
                "The query is not valid GraphQL: run it in the IDE (or POST /graphql) to see where."));
            return;
        }
        var (plan, planProblem) = await ExportPlan.CreateAsync(document, request.OperationName);
        if (plan is null)
        {
            await BadRequestAsync(http, planProblem!.Value);
            return;
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        limit.CancelAfter(TimeSpan.FromSeconds(options.ExportSeconds));
        var label = (plan.Name ?? OperationText.WithoutValues(source.Text)) + " (export)";
        var variables = Variables(inputs.Variables, plan, cursor: null);
        var first = await queries.ExecuteAsync(http, caller, plan.Query, null, plan.Operation.Name?.StringValue, variables, label, limit.Token);
        if (first.FirstError is { } error)
        {
            first.Dispose();
            // The first error as the request's language already put it.
            await BadRequestAsync(http, new Msg(error, error));
            return;
        }
        var table = ExportTable.Find(plan, first.Data, office);
        if (table is null)
        {
            first.Dispose();
            await BadRequestAsync(http, new Msg("结果中没有可导出的列表：请选择一个列表（例如某个连接的 nodes）。", "The result has no list to export: select a list (a connection's nodes, say)."));
            return;
        }
        await StreamAsync(http, format, plan, table, first, inputs.Variables, plan.Operation.Name?.StringValue, label, caller, limit.Token);
    }

    private async Task StreamAsync(HttpContext http, string format, ExportPlan plan, ExportTable table, CallerQueryResult first, Inputs? given,
        string? operationName, string label, Caller caller, CancellationToken ct)
    {
        // The zip is written forwards into the response; its writes are synchronous.
        if (http.Features.Get<IHttpBodyControlFeature>() is { } control)
        {
            control.AllowSynchronousIO = true;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.Headers["X-Export-Max-Rows"] = options.ExportMaxRows.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";
        await using IExportWriter writer = format == "csv" ? new CsvExportWriter(http.Response.Body) : new XlsxExportWriter(http.Response.Body);
        http.Response.ContentType = writer.ContentType;
        var name = $"{string.Join('-', table.ListPath.Where(k => k is not ("nodes" or "edges")))}-{office.ToOffice(now).DateTime:yyyyMMdd-HHmm}.{writer.Extension}";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        var rows = 0;
        var truncated = false;
        var masked = new SortedSet<string>(StringComparer.Ordinal);
        var page = first;
        try
        {
            var started = false;
            while (true)
            {
                CallerQueryResult? next = null;
                using (page)
                {
                    masked.UnionWith(page.Masked);
                    var pageRows = table.Rows(page.Data).ToList();
                    if (rows + pageRows.Count > options.ExportMaxRows)
                    {
                        pageRows = pageRows.Take(options.ExportMaxRows - rows).ToList();
                        truncated = true;
                    }
                    if (!started)
                    {
                        await writer.BeginAsync(table.Columns, pageRows, ct);
                        started = true;
                    }
                    await writer.WriteAsync(pageRows, ct);
                    rows += pageRows.Count;
                    var (hasNext, cursor) = table.IsPaged(plan) ? table.NextPage(page.Data) : (false, null);
                    truncated |= hasNext && rows >= options.ExportMaxRows;
                    if (hasNext && !truncated)
                    {
                        next = await queries.ExecuteAsync(http, caller, plan.Query, null, operationName, Variables(given, plan, cursor), label, ct);
                    }
                }
                if (next is null)
                {
                    break;
                }
                if (next.FirstError is { } error)
                {
                    next.Dispose();
                    throw new InvalidOperationException($"A later page failed: {error}");
                }
                page = next;
            }
            var note = masked.Count > 0 ? $"已脱敏（{string.Join("、", masked)}）：你的角色不能查看信访人个人信息。" : null;
            await writer.FinishAsync(new ExportSummary(label, now, rows, truncated, options.ExportMaxRows, note), ct);
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException or IOException)
        {
            // The download has begun: say so by breaking it, never by a file that looks whole.
            logger.LogWarning("An export was stopped after {Rows} rows: {Reason}", rows, e.Message);
            http.Abort();
        }
    }

    /// <summary>The request's variables with the page size and the cursor the plan takes from variables.</summary>
    private static Inputs? Variables(Inputs? given, ExportPlan plan, string? cursor)
    {
        if (plan.AfterVariable is null)
        {
            return given;
        }
        var values = given is null ? new Dictionary<string, object?>() : new Dictionary<string, object?>(given);
        values[plan.AfterVariable] = cursor;
        if (plan.FirstVariable is { } first)
        {
            values[first] = GraphQL.Relay.PageRequest.MaxSize;
        }
        return new Inputs(values);
    }

    private static Task BadRequestAsync(HttpContext http, Msg message) =>
        Hosting.ErrorResponses.WriteAsync(http, StatusCodes.Status400BadRequest, "BAD_REQUEST", message);
}
