using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Data;
using PetitionGraph.Tests.Cases;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Access;

/// <summary>
/// registerPetition is a read path too: the case it returns, the petitioners it links and the keys it replays must
/// follow the caller's scope exactly as every query does — with the accused-account variants of each role.
/// </summary>
public abstract class RegistrationAccessTests(TestHost host)
{
    private const string Register = """
        mutation($input: RegisterPetitionInput!) { registerPetition(input: $input) {
          recorded hiddenFromYou case { number petitioners { name idNumber phone address } } petition { id } userErrors { code message } } }
        """;

    private static readonly string[] MayRegister = ["OFFICE", "OFFICE_ACCUSED", "OFFICE_CONFLICTED", "VILLAGE_HANDLER"];

    private readonly AccessFixture _fixture = new(host);

    public static TheoryData<string> Roles() => AccessFixture.Roles();

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task A_repeat_petition_and_a_replayed_key_reach_only_the_cases_a_role_may_see(string who)
    {
        var f = await _fixture.MakeAsync();
        var (client, visible, personal) = _fixture.As(who, f);
        foreach (var (name, made) in f.Cases)
        {
            // The office registered a petition on the case with a key first; the same key from another caller is its own request.
            var key = "k-" + AccessFixture.Tag();
            var first = await host.Client.QueryAsync(Register, new { input = Repeat(made.Number, key) });
            var firstPetition = first.GetProperty("registerPetition").GetProperty("petition").GetProperty("id").GetString();
            foreach (var input in new[] { Repeat(made.Number, null), Repeat(made.Number, key) })
            {
                var before = await PetitionCountAsync(made.Number);
                var response = await client.PostAsync(Register, new { input });
                if (!MayRegister.Contains(who))
                {
                    Assert.Equal("FORBIDDEN", response.ErrorCodes[0]);
                    Assert.Equal(before, await PetitionCountAsync(made.Number));
                    continue;
                }
                var payload = response.Data.GetProperty("registerPetition");
                if (!visible.Contains(name))
                {
                    Assert.Equal("NOT_FOUND", payload.GetProperty("userErrors")[0].GetProperty("code").GetString());
                    Assert.Equal(JsonValueKind.Null, payload.GetProperty("case").ValueKind);
                    Assert.False(payload.GetProperty("recorded").GetBoolean());
                    Assert.Equal(before, await PetitionCountAsync(made.Number));
                    continue;
                }
                CaseActions.AssertNoUserErrors(payload);
                Assert.NotEqual(firstPetition, payload.GetProperty("petition").GetProperty("id").GetString());
                Assert.Equal(before + 1, await PetitionCountAsync(made.Number));
                var petitioner = payload.GetProperty("case").GetProperty("petitioners")[0];
                Assert.Equal(personal ? made.Name : PersonalDataPolicy.MaskName(made.Name), petitioner.GetProperty("name").GetString());
                Assert.Equal(personal ? made.Phone : null, AccessFixture.Text(petitioner, "phone"));
            }
        }
    }

    [Fact]
    public async Task A_replay_by_the_same_caller_returns_its_own_first_result_and_creates_nothing()
    {
        var f = await _fixture.MakeAsync();
        var handler = host.ClientAs(Role.VillageHandler, "village-" + AccessFixture.Tag(), villages: [AccessFixture.Village1]);
        var key = "k-" + AccessFixture.Tag();
        var first = (await handler.QueryAsync(Register, new { input = Repeat(f.Cases["A"].Number, key) })).GetProperty("registerPetition");
        var before = await PetitionCountAsync(f.Cases["A"].Number);
        var again = (await handler.QueryAsync(Register, new { input = Repeat(f.Cases["A"].Number, key) })).GetProperty("registerPetition");
        Assert.Equal(first.GetProperty("petition").GetProperty("id").GetString(), again.GetProperty("petition").GetProperty("id").GetString());
        Assert.True(again.GetProperty("recorded").GetBoolean());
        Assert.Equal(before, await PetitionCountAsync(f.Cases["A"].Number));
    }

    [Fact]
    public async Task A_village_handler_cannot_open_a_case_in_another_village()
    {
        var handler = host.ClientAs(Role.VillageHandler, "village-" + AccessFixture.Tag(), villages: [AccessFixture.Village1]);
        var title = "越权立案测试" + AccessFixture.Tag();
        var payload = (await handler.QueryAsync(Register, new { input = Open(title, AccessFixture.Village2, CaseActions.NewIdNumber()) })).GetProperty("registerPetition");
        Assert.Equal("FORBIDDEN", payload.GetProperty("userErrors")[0].GetProperty("code").GetString());
        await using var scope = host.Scope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<PetitionDbContext>().Cases.AnyAsync(c => c.Title == title));

        var own = (await handler.QueryAsync(Register, new { input = Open(title, AccessFixture.Village1, CaseActions.NewIdNumber()) })).GetProperty("registerPetition");
        CaseActions.AssertNoUserErrors(own);
    }

    [Fact]
    public async Task An_ID_number_known_only_outside_the_callers_scope_reveals_nothing()
    {
        var f = await _fixture.MakeAsync();
        var stranger = f.Cases["B"]; // village 9901002: outside the handler's account
        var handler = host.ClientAs(Role.VillageHandler, "village-" + AccessFixture.Tag(), villages: [AccessFixture.Village1]);
        var payload = (await handler.QueryAsync(Register, new { input = Open("身份证号探测" + AccessFixture.Tag(), AccessFixture.Village1, stranger.IdNumber) }))
            .GetProperty("registerPetition");
        CaseActions.AssertNoUserErrors(payload);
        var petitioner = payload.GetProperty("case").GetProperty("petitioners")[0];
        Assert.Equal("10000000000", petitioner.GetProperty("phone").GetString());
        Assert.Equal("示范镇探测路1号", petitioner.GetProperty("address").GetString());
        Assert.NotEqual(stranger.Phone, petitioner.GetProperty("phone").GetString());

        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
        var records = await db.Petitioners.Include(p => p.Cases).Where(p => p.IdNumber == stranger.IdNumber).ToListAsync();
        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Single(r.Cases));

        // The office, which sees both, still finds the ID number on its record and links a new case to it.
        var office = (await host.Client.QueryAsync(Register, new { input = Open("同一人再次来访" + AccessFixture.Tag(), AccessFixture.Village2, stranger.IdNumber) }))
            .GetProperty("registerPetition");
        Assert.Equal(stranger.Phone, office.GetProperty("case").GetProperty("petitioners")[0].GetProperty("phone").GetString());
    }

    [Fact]
    public async Task A_petition_accusing_the_callers_own_leader_is_recorded_and_hidden_from_the_caller()
    {
        var f = await _fixture.MakeAsync();
        var accused = host.ClientAs(Role.Office, "office-l1-" + AccessFixture.Tag(), AccessFixture.LeaderKey(f.L1));
        var before = await PetitionCountAsync(f.Cases["A"].Number);
        var input = new Dictionary<string, object?>(Repeat(f.Cases["A"].Number, "k-" + AccessFixture.Tag())) { ["accusesLeaderIds"] = new[] { f.L1 } };
        foreach (var attempt in new[] { "first", "replay" })
        {
            var payload = (await accused.QueryAsync(Register, new { input })).GetProperty("registerPetition");
            Assert.True(payload.GetProperty("recorded").GetBoolean(), attempt);
            Assert.True(payload.GetProperty("hiddenFromYou").GetBoolean(), attempt);
            Assert.Equal(JsonValueKind.Null, payload.GetProperty("case").ValueKind);
            Assert.Equal(JsonValueKind.Null, payload.GetProperty("petition").ValueKind);
        }
        Assert.Equal(before + 1, await PetitionCountAsync(f.Cases["A"].Number));
        var seen = await accused.QueryAsync("query($n: String!) { caseByNumber(number: $n) { id } }", new { n = f.Cases["A"].Number });
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("caseByNumber").ValueKind);
    }

    [Fact]
    public async Task Concurrent_repeat_petitions_on_one_case_each_succeed_or_conflict()
    {
        var f = await _fixture.MakeAsync();
        var number = f.Cases["A"].Number;
        var before = await PetitionCountAsync(number);
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            host.Client.PostAsync(Register, new { input = Repeat(number, i % 2 == 0 ? null : "race-" + AccessFixture.Tag()) })));
        Assert.All(responses, r => Assert.Empty(r.ErrorCodes));
        var payloads = responses.Select(r => r.Data.GetProperty("registerPetition")).ToList();
        var recorded = payloads.Count(p => p.GetProperty("recorded").GetBoolean());
        Assert.All(payloads.Where(p => !p.GetProperty("recorded").GetBoolean()),
            p => Assert.Equal("CONFLICT", p.GetProperty("userErrors")[0].GetProperty("code").GetString()));
        Assert.Equal(before + recorded, await PetitionCountAsync(number));
        Assert.True(recorded >= 1);
    }

    private async Task<int> PetitionCountAsync(string number)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<PetitionDbContext>().Petitions.CountAsync(p => p.Case!.Number == number);
    }

    private static Dictionary<string, object?> Repeat(string number, string? key) => new()
    {
        ["caseNumber"] = number,
        ["receivedAt"] = TestHost.Now.AddMinutes(-30).ToString("O"),
        ["channel"] = "LETTER",
        ["idempotencyKey"] = key,
    };

    private static Dictionary<string, object?> Open(string title, string village, string idNumber) => new()
    {
        ["receivedAt"] = TestHost.Now.AddHours(-2).ToString("O"),
        ["channel"] = "VISIT",
        ["title"] = title,
        ["demand"] = "要求处理",
        ["categoryCode"] = "OTHER",
        ["villageCode"] = village,
        ["petitioners"] = new[] { new { name = "探测人", idNumber, phone = "10000000000", address = "示范镇探测路1号" } },
    };
}

[Collection(SqliteCollection.Name)]
public sealed class RegistrationAccessTestsOnSqlite(SqliteHost host) : RegistrationAccessTests(host);

[Collection(PostgresCollection.Name)]
public sealed class RegistrationAccessTestsOnPostgres(PostgresHost host) : RegistrationAccessTests(host);
