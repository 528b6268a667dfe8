using System.Text.Json;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Cases;

/// <summary>What a case looks like after a mutation, as the API reported it.</summary>
public sealed record CaseView(string Id, string Number, string Status, int Version, JsonElement Raw)
{
    public static CaseView From(JsonElement c) =>
        new(c.GetProperty("id").GetString()!, c.GetProperty("number").GetString()!, c.GetProperty("status").GetString()!, c.GetProperty("version").GetInt32(), c);

    public string? Text(string field) => Raw.GetProperty(field).ValueKind == JsonValueKind.Null ? null : Raw.GetProperty(field).ToString();
}

/// <summary>Office staff's actions over HTTP, for scenario tests.</summary>
public sealed class CaseActions(TestHost host)
{
    public const string CaseFields = "id number status version openedAt acceptDueAt acceptedAt concludeDueAt concludedAt repliedAt resolvedAt terminatedAt nextDueAt extended overdue daysOverdue inBacklog backlogSince petitionCount highLevelPetitionCount keyClass events(first: 100) { nodes { kind actor note } }";

    public async Task<CaseView> RegisterAsync(DateTimeOffset receivedAt, string? caseNumber = null, string level = "TOWN", string? idNumber = null, string? key = null, int people = 1)
    {
        var payload = await RegisterRawAsync(receivedAt, caseNumber, level, idNumber, key, people);
        AssertNoUserErrors(payload);
        return CaseView.From(payload.GetProperty("case"));
    }

    public async Task<JsonElement> RegisterRawAsync(DateTimeOffset receivedAt, string? caseNumber = null, string level = "TOWN", string? idNumber = null, string? key = null, int people = 1)
    {
        var input = new Dictionary<string, object?>
        {
            ["receivedAt"] = receivedAt.ToString("O"),
            ["channel"] = "VISIT",
            ["level"] = level,
            ["peopleCount"] = people,
            ["idempotencyKey"] = key,
            ["petitioners"] = new[] { new { name = "测试甲", idNumber = idNumber ?? NewIdNumber(), phone = "10012345678", address = "示范镇青山村1组1号" } },
        };
        if (caseNumber is null)
        {
            input["title"] = "青山村道路施工影响出行";
            input["demand"] = "要求恢复通行";
            input["categoryCode"] = "MAJOR_PROJECT";
            input["villageCode"] = "9901001";
        }
        else
        {
            input["caseNumber"] = caseNumber;
        }
        var data = await host.Client.QueryAsync(
            $"mutation($input: RegisterPetitionInput!) {{ registerPetition(input: $input) {{ case {{ {CaseFields} }} petition {{ id isFirst level }} userErrors {{ code field message }} }} }}",
            new { input });
        return data.GetProperty("registerPetition");
    }

    /// <summary>Runs a lifecycle step; returns the payload (case and userErrors).</summary>
    public async Task<JsonElement> StepAsync(string mutation, CaseView subject, object? extra = null, int? expectedVersion = null)
    {
        var input = new Dictionary<string, object?> { ["caseId"] = subject.Id, ["expectedVersion"] = expectedVersion };
        if (extra is not null)
        {
            foreach (var property in extra.GetType().GetProperties())
            {
                input[property.Name] = property.GetValue(extra);
            }
        }
        var typeName = char.ToUpperInvariant(mutation[0]) + mutation[1..] + "Input";
        var data = await host.Client.QueryAsync(
            $"mutation($input: {typeName}!) {{ {mutation}(input: $input) {{ case {{ {CaseFields} }} userErrors {{ code field message }} }} }}",
            new { input });
        return data.GetProperty(mutation);
    }

    public async Task<CaseView> OkAsync(string mutation, CaseView subject, object? extra = null)
    {
        var payload = await StepAsync(mutation, subject, extra);
        AssertNoUserErrors(payload);
        return CaseView.From(payload.GetProperty("case"));
    }

    public async Task<CaseView> ReadAsync(CaseView subject)
    {
        var data = await host.Client.QueryAsync($"query($id: ID!) {{ node(id: $id) {{ ... on Case {{ {CaseFields} }} }} }}", new { id = subject.Id });
        return CaseView.From(data.GetProperty("node"));
    }

    public static List<string> EventKinds(CaseView c) =>
        c.Raw.GetProperty("events").GetProperty("nodes").EnumerateArray().Select(e => e.GetProperty("kind").GetString()!).ToList();

    public static void AssertNoUserErrors(JsonElement payload) =>
        Assert.True(payload.GetProperty("userErrors").GetArrayLength() == 0, payload.GetProperty("userErrors").ToString());

    private static int _sequence;

    /// <summary>Synthetic ID numbers (region code 99 is assigned to no region), unique per test run.</summary>
    public static string NewIdNumber() =>
        $"990000199001{Interlocked.Increment(ref _sequence) % 1_000_000:D6}";
}
