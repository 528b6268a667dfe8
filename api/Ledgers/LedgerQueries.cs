using GraphQL;
using GraphQL.Types;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.Filtering;
using PetitionGraph.Api.GraphQL.Scalars;

namespace PetitionGraph.Api.Ledgers;

public static class LedgerQueries
{
    /// <summary>
    /// <c>ledgerRows(kind, where)</c>: a ledger as rows of text, header first, for the cases that match `where` in the
    /// caller's scope — what <c>GET /ledgers/{kind}.{csv|xlsx}</c> and the export command write. Names and addresses
    /// follow the caller's role: masked (and not audited) or shown (and audited).
    /// </summary>
    public const double LedgerCost = 30_000;

    public static void AddLedgerQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>>>("ledgerRows")
            .Description("A ledger layout (领导包案情况汇总表 or case ledger) for the matching cases, header row first. Cases in backlog now when `where` is omitted.")
            .RequireRoles(Role.Office, Role.VillageHandler, Role.Analyst, Role.Admin)
            .Argument<NonNullGraphType<EnumType<LedgerKind>>>("kind", "Which ledger layout.")
            .Argument<FilterInputType<Case>>("where", "Only cases that match (cases in backlog now when omitted).")
            // A whole ledger (tens of thousands of rows) is the cost of many pages: at most three in one request.
            .WithComplexityImpact(LedgerCost, 1)
            .ResolveAsync(async c =>
            {
                var scope = c.Scope();
                var where = c.Arguments is { } args && args.TryGetValue("where", out var w) ? w.Value as IDictionary<string, object?> : null;
                var filter = where is null
                    ? ExpressionTools.And(scope.Cases, CaseShape.InBacklog(c.QueryContext()))
                    : ExpressionTools.And(scope.Cases, FilterBuilder.Build<Case>(where, c.QueryContext()));
                var kind = c.GetArgument<LedgerKind>("kind");
                var services = c.RequestServices!;
                var exporter = new LedgerExporter(c.Db(), services.GetRequiredService<OfficeTime>(), services.GetRequiredService<KeyClassRules>(),
                    services.GetRequiredService<Reports.ReportOptions>().OfficeName);
                // Names and addresses as the caller's role may read them: shown (and audited) or masked.
                var showsNames = scope.Caller?.MayReadPersonalData == true;
                var (rows, petitioners) = await exporter.RowsAsync(kind, filter, c.QueryContext().Now, showsNames, c.CancellationToken);
                var reads = services.GetRequiredService<PersonalDataReads>();
                if (kind == LedgerKind.Ownership)
                {
                    if (showsNames)
                    {
                        foreach (var id in petitioners)
                        {
                            reads.Record(id, "address", "name");
                        }
                    }
                    else
                    {
                        reads.RecordMasked("address", "name");
                    }
                }
                return rows;
            });
    }
}
