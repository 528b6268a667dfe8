using System.Text.Json;
using PetitionGraph.Tests.Access;
using PetitionGraph.Tests.Cases;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Settlement;

/// <summary>
/// How a case was settled: resolveCase records the way and the assistance given, refuses what is not one, keeps them on
/// the case until it is reopened, and statistics group resolutions by way and by assistance as the filters count them.
/// </summary>
public abstract class SettlementTests(TestHost host)
{
    private const string Resolve = """
        mutation($input: ResolveCaseInput!) { resolveCase(input: $input) {
          case { status settlementWay { code nameZh } assistanceKind assistanceAmount } userErrors { code field } } }
        """;

    [Fact]
    public async Task A_resolution_records_its_way_and_assistance_and_statistics_group_by_them()
    {
        var f = await new AccessFixture(host).MakeAsync();
        var office = host.Client;
        foreach (var key in new[] { "A", "C" })
        {
            CaseActions.AssertNoUserErrors((await office.QueryAsync("mutation($id: ID!) { acceptCase(input: { caseId: $id }) { userErrors { message } } }", new { id = f.Cases[key].Id })).GetProperty("acceptCase"));
        }
        var c = f.Cases["C"].Id;
        Assert.Equal("NOT_FOUND VALIDATION", string.Join(" ", new[]
        {
            await Refused(new { caseId = c, wayCode = "NO_SUCH_WAY" }),
            await Refused(new { caseId = c, wayCode = "MEDIATION", assistanceAmount = 100m }),
        }));
        Assert.Equal("VALIDATION VALIDATION", string.Join(" ", new[]
        {
            await Refused(new { caseId = c, assistanceKind = "MEDICAL", assistanceAmount = -1m }),
            await Refused(new { caseId = c, assistanceKind = "MEDICAL", assistanceAmount = 10.005m }),
        }));

        var resolved = (await office.QueryAsync(Resolve, new { input = new { caseId = f.Cases["A"].Id, note = "双方达成协议", wayCode = "MEDIATION", assistanceKind = "TEMPORARY_RELIEF", assistanceAmount = 1500.5m } }))
            .GetProperty("resolveCase").GetProperty("case");
        Assert.Equal("RESOLVED MEDIATION 调解 TEMPORARY_RELIEF 1500.5", $"{resolved.GetProperty("status").GetString()} {resolved.GetProperty("settlementWay").GetProperty("code").GetString()} " +
            $"{resolved.GetProperty("settlementWay").GetProperty("nameZh").GetString()} {resolved.GetProperty("assistanceKind").GetString()} {resolved.GetProperty("assistanceAmount").GetDecimal()}");

        // Grouped by way and by assistance, this year's figures (here: new cases, A among them) are those the filters count (two paths to the same cases);
        // asked an hour later, after the settlement just recorded.
        JsonElement grouped;
        using (host.TravelTo(TestHost.Now.AddHours(1)))
        {
            grouped = await office.QueryAsync("""
            {
              byWay: statistics(from: "2026-01-01", to: "2027-01-01", interval: YEAR, groupBy: [WAY]) { buckets { way { code } increment } }
              byAssistance: statistics(from: "2026-01-01", to: "2027-01-01", interval: YEAR, groupBy: [ASSISTANCE]) { buckets { assistance increment } }
              mediation: statistics(from: "2026-01-01", to: "2027-01-01", interval: YEAR, where: { settlementWay: { code: { eq: "MEDIATION" } } }) { buckets { increment } }
              relief: statistics(from: "2026-01-01", to: "2027-01-01", interval: YEAR, where: { assistanceKind: { eq: TEMPORARY_RELIEF } }) { buckets { increment } }
            }
            """);
        }
        var byWay = grouped.GetProperty("byWay").GetProperty("buckets").EnumerateArray().Single(b => b.GetProperty("way").GetProperty("code").GetString() == "MEDIATION");
        var byAssistance = grouped.GetProperty("byAssistance").GetProperty("buckets").EnumerateArray().Single(b => b.GetProperty("assistance").GetString() == "TEMPORARY_RELIEF");
        Assert.True(byWay.GetProperty("increment").GetInt32() >= 1);
        Assert.Equal(grouped.GetProperty("mediation").GetProperty("buckets")[0].GetProperty("increment").GetInt32(), byWay.GetProperty("increment").GetInt32());
        Assert.Equal(grouped.GetProperty("relief").GetProperty("buckets")[0].GetProperty("increment").GetInt32(), byAssistance.GetProperty("increment").GetInt32());

        // Reopened, it is no longer settled.
        var reopened = (await office.QueryAsync("mutation($id: ID!) { reopenCase(input: { caseId: $id, reason: \"出现新情况\" }) { case { settlementWay { code } assistanceKind assistanceAmount } userErrors { message } } }",
            new { id = f.Cases["A"].Id })).GetProperty("reopenCase");
        CaseActions.AssertNoUserErrors(reopened);
        Assert.Equal(JsonValueKind.Null, reopened.GetProperty("case").GetProperty("settlementWay").ValueKind);
        Assert.Equal(JsonValueKind.Null, reopened.GetProperty("case").GetProperty("assistanceAmount").ValueKind);
    }

    private async Task<string> Refused(object input)
    {
        var payload = (await host.Client.QueryAsync(Resolve, new { input })).GetProperty("resolveCase");
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("case").ValueKind);
        return payload.GetProperty("userErrors")[0].GetProperty("code").GetString()!;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SettlementTestsOnSqlite(SqliteHost host) : SettlementTests(host);

[Collection(PostgresCollection.Name)]
public sealed class SettlementTestsOnPostgres(PostgresHost host) : SettlementTests(host);
