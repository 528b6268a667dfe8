using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Changes;

/// <summary>
/// Accepted cases made for one test, so that tests which write (activities, for the feed, webhooks and subscriptions)
/// leave the seeded cases — which other tests compare across databases — as they were.
/// </summary>
public static class FreshCases
{
    public sealed record Fresh(string Id, string Number, string Village);

    public static async Task<Fresh> AcceptedAsync(TestHost host, string village = "9901001")
    {
        var registered = (await host.Client.QueryAsync(
            "mutation($input: RegisterPetitionInput!) { registerPetition(input: $input) { case { id number } userErrors { message } } }",
            new
            {
                input = new
                {
                    receivedAt = TestHost.Now.AddHours(-3).ToString("O"),
                    channel = "LETTER",
                    title = "测试用事项",
                    demand = "要求依法处理",
                    categoryCode = "OTHER",
                    villageCode = village,
                    petitioners = new[] { new { name = "测试丁", idNumber = Cases.CaseActions.NewIdNumber() } },
                },
            })).GetProperty("registerPetition").GetProperty("case");
        var id = registered.GetProperty("id").GetString()!;
        var accepted = await host.Client.QueryAsync("mutation($id: ID!) { acceptCase(input: { caseId: $id }) { userErrors { message } } }", new { id });
        Assert.Equal(0, accepted.GetProperty("acceptCase").GetProperty("userErrors").GetArrayLength());
        return new Fresh(id, registered.GetProperty("number").GetString()!, village);
    }

    public static async Task<List<Fresh>> AcceptedAsync(TestHost host, int count, string village = "9901001")
    {
        var cases = new List<Fresh>();
        for (var i = 0; i < count; i++)
        {
            cases.Add(await AcceptedAsync(host, village));
        }
        return cases;
    }

    public static async Task RecordActivityAsync(TestHost host, string caseId, string kind = "VISIT") =>
        Assert.Equal(0, (await host.Client.QueryAsync(
            "mutation($id: ID!, $kind: ActivityKind!) { recordActivity(input: { caseId: $id, kind: $kind, summary: \"回访\" }) { userErrors { message } } }",
            new { id = caseId, kind })).GetProperty("recordActivity").GetProperty("userErrors").GetArrayLength());
}
