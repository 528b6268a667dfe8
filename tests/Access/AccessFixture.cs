using System.Text.Json;
using PetitionGraph.Api.Access;
using PetitionGraph.Tests.Cases;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Access;

/// <summary>
/// Four cases made for an access test: A (village 9901001, leader L1), B (9901002, leader L2, accuses L1),
/// C (9901001, L1 assigned, L2 declared a conflict), D (9901001, L1 assigned, then a repeat petition accuses L1) — and
/// the accounts that look at them, each with the cases it must see and whether it reads personal data unmasked. A is
/// referred to a responsible unit U; so was B, which U returned (so U sees A only).
/// </summary>
public sealed class AccessFixture(TestHost host)
{
    public sealed record FourCases(Dictionary<string, MadeCase> Cases, string L1, string L2, string Unit);

    public sealed record MadeCase(string Id, string Number, string Name, string IdNumber, string Phone, string Address, string PetitionerId);

    public const string Village1 = "9901001";
    public const string Village2 = "9901002";

    public static TheoryData<string> Roles() => ["OFFICE", "OFFICE_ACCUSED", "OFFICE_CONFLICTED", "ANALYST", "ADMIN", "VILLAGE_HANDLER", "LEADER_L1", "LEADER_L2", "UNIT"];

    /// <summary>The client, the cases it must see, and whether it reads personal data unmasked.</summary>
    public (GraphQLClient Client, string[] Visible, bool Personal) As(string who, FourCases f)
    {
        var tag = Tag();
        return who switch
        {
            "OFFICE" => (host.ClientAs(Role.Office, "office-" + tag), ["A", "B", "C", "D"], true),
            "OFFICE_ACCUSED" => (host.ClientAs(Role.Office, "office-l1-" + tag, LeaderKey(f.L1)), ["A", "C"], true),
            "OFFICE_CONFLICTED" => (host.ClientAs(Role.Office, "office-l2-" + tag, LeaderKey(f.L2)), ["A", "B", "D"], true),
            "ANALYST" => (host.ClientAs(Role.Analyst, "analyst-" + tag), ["A", "B", "C", "D"], false),
            "ADMIN" => (host.ClientAs(Role.Admin, "admin-" + tag), ["A", "B", "C", "D"], false),
            "VILLAGE_HANDLER" => (host.ClientAs(Role.VillageHandler, "village-" + tag, villages: [Village1]), ["A", "C", "D"], true),
            "LEADER_L1" => (host.ClientAs(Role.Leader, "leader-l1-" + tag, LeaderKey(f.L1)), ["A", "C"], false),
            "UNIT" => (host.ClientAs(Role.Unit, "unit-" + tag, unit: f.Unit), ["A"], false),
            _ => (host.ClientAs(Role.Leader, "leader-l2-" + tag, LeaderKey(f.L2)), ["B"], false),
        };
    }

    public async Task<FourCases> MakeAsync()
    {
        var admin = host.ClientAs(Role.Admin, "fixture-admin");
        var leaders = (await admin.QueryAsync("{ leaders(where: { level: { eq: TOWN }, active: { eq: true } }, first: 2) { nodes { id } } }"))
            .GetProperty("leaders").GetProperty("nodes").EnumerateArray().Select(l => l.GetProperty("id").GetString()!).ToList();
        var (l1, l2) = (leaders[0], leaders[1]);
        var actions = new CaseActions(host);
        var made = new Dictionary<string, MadeCase>
        {
            ["A"] = await RegisterAsync(Village1, null),
            ["B"] = await RegisterAsync(Village2, l1),
            ["C"] = await RegisterAsync(Village1, null),
            ["D"] = await RegisterAsync(Village1, null),
        };
        await AssignAsync(made["A"], l1);
        await AssignAsync(made["B"], l2);
        await AssignAsync(made["C"], l1);
        await AssignAsync(made["D"], l1);
        var conflict = await host.Client.QueryAsync("mutation($c: ID!, $l: ID!) { declareConflictOfInterest(input: { caseId: $c, leaderId: $l, reason: \"近亲属\" }) { userErrors { code } } }",
            new { c = made["C"].Id, l = l2 });
        CaseActions.AssertNoUserErrors(conflict.GetProperty("declareConflictOfInterest"));
        var unit = "U" + Tag();
        var created = await admin.QueryAsync("mutation($code: String!) { createUnit(input: { code: $code, name: \"示范测试单位\", kind: DEPARTMENT }) { userErrors { message } } }", new { code = unit });
        CaseActions.AssertNoUserErrors(created.GetProperty("createUnit"));
        foreach (var key in new[] { "A", "B" })
        {
            var referred = await host.Client.QueryAsync("""
                mutation($c: ID!, $unit: String!, $due: DateTime!) { referCase(input: { caseId: $c, units: [{ unitCode: $unit, dueAt: $due, instructions: "核实情况" }] }) {
                  case { referrals { id } } userErrors { code message } } }
                """, new { c = made[key].Id, unit, due = TestHost.Now.AddDays(10).ToString("O") });
            CaseActions.AssertNoUserErrors(referred.GetProperty("referCase"));
            if (key == "B")
            {
                var referral = referred.GetProperty("referCase").GetProperty("case").GetProperty("referrals")[0].GetProperty("id").GetString();
                var returned = await host.ClientAs(Role.Unit, "fixture-unit", unit: unit).QueryAsync("""
                    mutation($c: ID!, $r: ID!) { returnReferral(input: { caseId: $c, referralId: $r, reason: "不属本单位职责" }) { userErrors { code message } } }
                    """, new { c = made[key].Id, r = referral });
                CaseActions.AssertNoUserErrors(returned.GetProperty("returnReferral"));
            }
        }
        var repeat = await host.Client.QueryAsync("""
            mutation($input: RegisterPetitionInput!) { registerPetition(input: $input) { userErrors { code message } } }
            """, new { input = new { caseNumber = made["D"].Number, receivedAt = TestHost.Now.AddHours(-1).ToString("O"), channel = "LETTER", accusesLeaderIds = new[] { l1 } } });
        CaseActions.AssertNoUserErrors(repeat.GetProperty("registerPetition"));
        return new FourCases(made, l1, l2, unit);
    }

    private async Task<MadeCase> RegisterAsync(string village, string? accuses)
    {
        var tag = Tag();
        var idNumber = CaseActions.NewIdNumber();
        var input = new Dictionary<string, object?>
        {
            ["receivedAt"] = TestHost.Now.AddDays(-3).ToString("O"),
            ["channel"] = "VISIT",
            ["title"] = "访问控制测试事项",
            ["demand"] = "要求依法处理",
            ["categoryCode"] = "OTHER",
            ["villageCode"] = village,
            ["petitioners"] = new[] { new { name = "测试" + tag[..2], idNumber, phone = "100" + tag[..8].Select(ch => (char)('0' + (ch % 10))).Aggregate("", (a, ch) => a + ch), address = "示范镇测试村" + tag[..4] + "号" } },
            ["accusesLeaderIds"] = accuses is null ? null : new[] { accuses },
        };
        var data = await host.Client.QueryAsync("""
            mutation($input: RegisterPetitionInput!) { registerPetition(input: $input) {
              case { id number petitioners { id name idNumber phone address } } userErrors { code message } } }
            """, new { input });
        var payload = data.GetProperty("registerPetition");
        CaseActions.AssertNoUserErrors(payload);
        var c = payload.GetProperty("case");
        var p = c.GetProperty("petitioners")[0];
        return new MadeCase(c.GetProperty("id").GetString()!, c.GetProperty("number").GetString()!, p.GetProperty("name").GetString()!,
            p.GetProperty("idNumber").GetString()!, p.GetProperty("phone").GetString()!, p.GetProperty("address").GetString()!, p.GetProperty("id").GetString()!);
    }

    private async Task AssignAsync(MadeCase c, string leader)
    {
        var data = await host.Client.QueryAsync("mutation($c: ID!, $l: ID!) { assignLeader(input: { caseId: $c, leaderId: $l, role: TOWN_LEAD }) { userErrors { code message } } }",
            new { c = c.Id, l = leader });
        CaseActions.AssertNoUserErrors(data.GetProperty("assignLeader"));
    }

    public static string Key(FourCases f, string number) => f.Cases.Single(c => c.Value.Number == number).Key;

    public static int LeaderKey(string globalId) => PetitionGraph.Api.GraphQL.Relay.GlobalId.Decode(globalId).Id;

    public static string? Text(JsonElement element, string field) =>
        element.GetProperty(field).ValueKind == JsonValueKind.Null ? null : element.GetProperty(field).GetString();

    public static string Tag() => Guid.NewGuid().ToString("N")[..10];
}
