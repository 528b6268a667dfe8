using System.Security.Claims;
using GraphQL;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.GraphQL;

namespace PetitionGraph.Api.Ledgers;

/// <summary>
/// Runs <c>ledgerRows</c> through the GraphQL executer — so the filter, the caller's scope, roles, masking and audit are
/// exactly those of the API — and writes the rows as CSV or XLSX. Used by <c>GET /ledgers/…</c> and the export command.
/// </summary>
public sealed class LedgerService(IDocumentExecuter<PetitionSchema> executer, IGraphQLTextSerializer serializer, AuditWriter audit)
{
    private const string Query = "query Ledger($kind: LedgerKind!, $where: CaseFilterInput) { ledgerRows(kind: $kind, where: $where) }";

    public static ClaimsPrincipal CommandLine { get; } = new(new ClaimsIdentity(
        [new Claim("sub", "cli"), new Claim(Caller.RoleClaim, "OFFICE")], "cli", "sub", Caller.RoleClaim));

    public async Task<(byte[]? File, string? Error, string? Code)> ExportAsync(
        IServiceProvider requestServices, ClaimsPrincipal user, LedgerKind kind, string format, string? whereJson, CancellationToken ct)
    {
        var variables = "{\"kind\":\"" + Data.EnumNames.Name(kind) + "\"" + (string.IsNullOrWhiteSpace(whereJson) ? "" : ",\"where\":" + whereJson) + "}";
        Inputs inputs;
        try
        {
            inputs = serializer.Deserialize<Inputs>(variables) ?? Inputs.Empty;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException or InvalidOperationException)
        {
            return (null, "`where` must be a JSON object in the shape of the cases query's `where`.", "BAD_REQUEST");
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
            return (null, errors[0].Message, errors[0].Code);
        }
        var caller = Caller.From(user)!;
        await audit.WriteReadsAsync(caller, requestServices.GetRequiredService<PersonalDataReads>(), "ledger export");
        var text = serializer.Serialize(result);
        using var json = System.Text.Json.JsonDocument.Parse(text);
        var rows = json.RootElement.GetProperty("data").GetProperty("ledgerRows").EnumerateArray()
            .Select(r => r.EnumerateArray().Select(c => c.GetString() ?? "").ToArray()).ToList();
        return (format == "csv" ? LedgerExporter.Csv(rows) : LedgerExporter.Xlsx(rows, kind == LedgerKind.Ownership ? "领导包案情况汇总表" : "信访事项台账"), null, null);
    }
}
