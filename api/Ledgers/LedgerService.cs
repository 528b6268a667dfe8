using System.Security.Claims;
using GraphQL;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.Errors;
using PetitionGraph.Api.Language;
using PetitionGraph.Reporting;

namespace PetitionGraph.Api.Ledgers;

/// <summary>
/// Runs <c>ledgerRows</c> through the GraphQL executer — so the filter, the caller's scope, roles, masking and audit are
/// exactly those of the API — and writes the rows as CSV or XLSX. Used by <c>GET /ledgers/…</c> and the export command.
/// </summary>
public sealed class LedgerService(
    IDocumentExecuter<PetitionSchema> executer, IGraphQLTextSerializer serializer, AuditWriter audit, OfficeTime office, Reports.ReportOptions reports, TimeProvider clock)
{
    private const string Query = "query Ledger($kind: LedgerKind!, $where: CaseFilterInput) { ledgerRows(kind: $kind, where: $where) }";

    private static readonly Msg WhereProblem = new(
        "`where` 须为一个 JSON 对象，格式与 cases 查询的 `where` 相同，每个键只能出现一次。",
        "`where` must be one JSON object in the shape of the cases query's `where`, each key once.");

    public static ClaimsPrincipal CommandLine { get; } = new(new ClaimsIdentity(
        [new Claim("sub", "cli"), new Claim(Caller.RoleClaim, "OFFICE")], "cli", "sub", Caller.RoleClaim));

    public async Task<(byte[]? File, Msg? Error, string? Code)> ExportAsync(
        IServiceProvider requestServices, ClaimsPrincipal user, LedgerKind kind, string format, string? whereJson, CancellationToken ct)
    {
        // `where` is read as one JSON value of its own, never spliced into other JSON: text that closes its object
        // early and adds keys of its own is simply not an object.
        var variables = new System.Text.Json.Nodes.JsonObject { ["kind"] = Data.EnumNames.Name(kind) };
        Inputs inputs;
        try
        {
            if (!string.IsNullOrWhiteSpace(whereJson))
            {
                if (System.Text.Json.Nodes.JsonNode.Parse(whereJson) is not System.Text.Json.Nodes.JsonObject where || where.Count != where.Select(p => p.Key).Distinct().Count())
                {
                    return (null, WhereProblem, "BAD_REQUEST");
                }
                variables["where"] = where;
            }
            inputs = serializer.Deserialize<Inputs>(variables.ToJsonString()) ?? Inputs.Empty;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException or InvalidOperationException or ArgumentException)
        {
            return (null, WhereProblem, "BAD_REQUEST");
        }
        var result = await executer.ExecuteAsync(o =>
        {
            o.Query = Query;
            o.Variables = inputs;
            o.RequestServices = requestServices;
            o.User = user;
            o.CancellationToken = ct;
        });
        if (result.Errors is { Count: > 0 } errors)
        {
            var (error, code) = PetitionErrorInfoProvider.Describe(errors[0]);
            return (null, error, code);
        }
        var caller = Caller.From(user)!;
        await audit.WriteReadsAsync(caller, requestServices.GetRequiredService<PersonalDataReads>(), "ledger export");
        var text = serializer.Serialize(result);
        using var json = System.Text.Json.JsonDocument.Parse(text);
        var rows = json.RootElement.GetProperty("data").GetProperty("ledgerRows").EnumerateArray()
            .Select(r => r.EnumerateArray().Select(c => c.GetString() ?? "").ToArray()).ToList();
        if (kind == LedgerKind.Ownership)
        {
            return (LedgerExporter.OwnershipFile(rows, format, OwnershipContext(caller)), null, null);
        }
        return (format == "csv" ? LedgerExporter.Csv(rows) : LedgerExporter.Xlsx(rows, "信访事项台账"), null, null);
    }

    /// <summary>The form's title, unit and date: the office, as of today (office time), as the caller's role reads it.</summary>
    private ReportContext OwnershipContext(Caller caller)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = office.ToOffice(now).Date;
        return new ReportContext("领导包案情况汇总表", $"{today.Year}年{today.Month}月{today.Day}日", now, office.Zone.Id, reports.OfficeName,
            caller.MayReadPersonalData, PersonalDataPolicy.ChineseName(caller.Role))
        { AsOfDay = today };
    }
}
