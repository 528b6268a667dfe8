using System.Text.Json;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.Relay;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.GraphQL;

/// <summary>Every mutation has an example in schema/operations/mutations, and every example runs with real effect.</summary>
public abstract class MutationOperationsTests(TestHost host)
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, "schema", "operations", "mutations");
    private readonly HashSet<string> _ran = [];

    [Fact]
    public void Every_mutation_has_an_example_operation()
    {
        var schema = host.Services.GetRequiredService<PetitionSchema>();
        schema.Initialize();
        var mutations = schema.Mutation!.Fields.Select(f => char.ToUpperInvariant(f.Name[0]) + f.Name[1..]).Order();
        var files = Directory.GetFiles(Folder, "*.graphql").Select(f => Path.GetFileNameWithoutExtension(f)!).Order();
        Assert.Equal(mutations, files);
    }

    [Fact]
    public async Task Every_example_operation_runs()
    {
        var start = TestHost.Now.AddDays(-120);
        using var clock = host.TravelTo(start.AddHours(2));
        var tag = Guid.NewGuid().ToString("N")[..8];

        // A case all the way to termination, with a plan, leaders, an activity, an extension and an evaluation.
        var a = (await RunAsync("RegisterPetition", new { input = NewCase(start, "9901002") })).GetProperty("case");
        Assert.Equal("REGISTERED", a.GetProperty("status").GetString());
        var number = a.GetProperty("number").GetString()!;
        var id = a.GetProperty("id").GetString()!;
        var repeat = await RunAsync("RegisterPetition", new { input = new { caseNumber = number, receivedAt = start.AddHours(1).ToString("O"), channel = "PHONE", level = "CITY" } });
        Assert.Equal(2, repeat.GetProperty("case").GetProperty("petitionCount").GetInt32());
        Assert.False(repeat.GetProperty("petition").GetProperty("isFirst").GetBoolean());
        host.Clock.Now = start.AddDays(2);
        Assert.Equal("ACCEPTED", Case(await RunAsync("AcceptCase", new { caseId = id, expectedVersion = 2 })).GetProperty("status").GetString());
        var steps = new[]
        {
            new { description = "走访核实诉求", owner = "任务专班", dueAt = start.AddDays(10).ToString("O") },
            new { description = "召开协调会", owner = "镇司法所", dueAt = start.AddDays(20).ToString("O") },
        };
        var plan = Case(await RunAsync("SetCasePlan", new { caseId = id, steps })).GetProperty("plan");
        Assert.Equal(2, plan.GetArrayLength());
        var done = Case(await RunAsync("MarkPlanStepDone", new { caseId = id, stepId = plan[0].GetProperty("id").GetString() })).GetProperty("plan");
        Assert.NotEqual(JsonValueKind.Null, done[0].GetProperty("doneAt").ValueKind);
        var leaders = await host.Client.QueryAsync("{ leaders(where: { level: { eq: TOWN }, active: { eq: true } }, first: 2) { nodes { id name } } }");
        var leader = leaders.GetProperty("leaders").GetProperty("nodes")[0];
        var assigned = Case(await RunAsync("AssignLeader", new { caseId = id, leaderId = leader.GetProperty("id").GetString(), role = "TOWN_LEAD" })).GetProperty("assignments");
        Assert.Equal(leader.GetProperty("name").GetString(), assigned[0].GetProperty("leader").GetProperty("name").GetString());
        await RunAsync("DeclareConflictOfInterest", new { caseId = id, leaderId = leaders.GetProperty("leaders").GetProperty("nodes")[1].GetProperty("id").GetString(), reason = "近亲属" });
        var ended = Case(await RunAsync("EndLeaderAssignment", new { caseId = id, assignmentId = assigned[0].GetProperty("id").GetString() })).GetProperty("assignments");
        Assert.False(ended[0].GetProperty("active").GetBoolean());
        await RunAsync("RecordActivity", new { caseId = id, kind = "VISIT", summary = "上门走访" });

        // 交办 to two units at once: one answers, the other returns it; the office urges before.
        var agri = (await RunAsync("CreateUnit", new { code = "AGRI" + tag, name = "农业农村办" + tag, kind = "DEPARTMENT" })).GetProperty("unit");
        var police = (await RunAsync("CreateUnit", new { code = "POL" + tag, name = "派出所" + tag, kind = "STATION" })).GetProperty("unit");
        var units = new[]
        {
            new { unitCode = "AGRI" + tag, dueAt = start.AddDays(15).ToString("O"), instructions = "核实土地承包情况", part = (string?)"土地承包" },
            new { unitCode = "POL" + tag, dueAt = start.AddDays(15).ToString("O"), instructions = "调查是否涉及治安", part = (string?)null },
        };
        var referrals = Case(await RunAsync("ReferCase", new { caseId = id, units })).GetProperty("referrals");
        Assert.Equal(["REFERRED", "REFERRED"], referrals.EnumerateArray().Select(r => r.GetProperty("status").GetString()));
        var (toAgri, toPolice) = (referrals[0].GetProperty("id").GetString(), referrals[1].GetProperty("id").GetString());
        Assert.Equal(1, Case(await RunAsync("UrgeReferral", new { caseId = id, referralId = toAgri, note = "请抓紧办理" })).GetProperty("referrals")[0].GetProperty("urges").GetInt32());
        _unit = "AGRI" + tag;
        Assert.Equal("ACCEPTED", Case(await RunAsync("AcceptReferral", new { caseId = id, referralId = toAgri })).GetProperty("referrals")[0].GetProperty("status").GetString());
        var replied = Case(await RunAsync("ReplyToReferral", new { caseId = id, referralId = toAgri, measures = "查阅承包合同", result = "已协调重新确权" })).GetProperty("referrals")[0];
        Assert.True(replied.GetProperty("onTime").GetBoolean());
        _unit = "POL" + tag;
        Assert.Equal("RETURNED", Case(await RunAsync("ReturnReferral", new { caseId = id, referralId = toPolice, reason = "不涉及治安事项" })).GetProperty("referrals")[0].GetProperty("status").GetString());
        _unit = null;
        Assert.False((await RunAsync("DeactivateUnit", new { unitId = police.GetProperty("id").GetString() })).GetProperty("unit").GetProperty("active").GetBoolean());
        Assert.True(agri.GetProperty("active").GetBoolean());

        // 专班: a team takes the case; every one of the five records is missing (it has a visit only).
        var team = (await RunAsync("CreateTeam", new { name = "化解专班" + tag, headLeaderId = leader.GetProperty("id").GetString(), staff = new[] { "测试文员" } })).GetProperty("team");
        Assert.Equal("测试文员", team.GetProperty("members")[0].GetProperty("staffName").GetString());
        var inTeam = Case(await RunAsync("AssignCaseToTeam", new { caseId = id, teamId = team.GetProperty("id").GetString() }));
        Assert.Equal(5, inTeam.GetProperty("missingRecords").GetArrayLength());
        Assert.False((await RunAsync("UpdateTeam", new { teamId = team.GetProperty("id").GetString(), active = false })).GetProperty("team").GetProperty("active").GetBoolean());
        host.Clock.Now = start.AddDays(50);
        await RunAsync("ExtendCase", new { caseId = id, days = 10, reason = "需要补充调查" });
        host.Clock.Now = start.AddDays(60);
        await RunAsync("ConcludeCase", new { caseId = id, reply = "出具处理意见书" });
        await RunAsync("RecordEvaluation", new { caseId = id, result = "DISSATISFIED" });
        await RunAsync("RequestReview", new { caseId = id });
        await RunAsync("ConcludeReview", new { caseId = id, reply = "复查维持" });
        await RunAsync("RequestSecondReview", new { caseId = id });
        await RunAsync("ConcludeSecondReview", new { caseId = id, reply = "复核维持" });
        var terminated = Case(await RunAsync("TerminateCase", new { caseId = id }));
        Assert.Equal("TERMINATED", terminated.GetProperty("status").GetString());
        Assert.Equal("TERMINATED", terminated.GetProperty("events").GetProperty("nodes")[0].GetProperty("kind").GetString());

        // Declined; and designated backlog → resolved → reopened.
        var b = (await RunAsync("RegisterPetition", new { input = NewCase(start.AddDays(60), "9901003") })).GetProperty("case").GetProperty("id").GetString();
        Assert.Equal("DECLINED", Case(await RunAsync("DeclineCase", new { caseId = b, reason = "属于行政复议范围", routeTo = "区人民政府" })).GetProperty("status").GetString());
        var c = (await RunAsync("RegisterPetition", new { input = NewCase(start.AddDays(60), "9901004") })).GetProperty("case").GetProperty("id").GetString();
        await RunAsync("AcceptCase", new { caseId = c });
        Assert.True(Case(await RunAsync("DesignateBacklog", new { caseId = c, source = "区信访局交办清单" })).GetProperty("inBacklog").GetBoolean());
        var way = (await RunAsync("CreateSettlementWay", new { code = "MED" + tag, nameZh = "人民调解" + tag })).GetProperty("settlementWay");
        var resolved = Case(await RunAsync("ResolveCase", new { caseId = c, note = "达成和解", wayCode = "MED" + tag, assistanceKind = "TEMPORARY_RELIEF", assistanceAmount = 800.5m }));
        Assert.Equal("RESOLVED", resolved.GetProperty("status").GetString());
        Assert.Equal("MED" + tag, resolved.GetProperty("settlementWay").GetProperty("code").GetString());
        Assert.Equal(800.5m, resolved.GetProperty("assistanceAmount").GetDecimal());
        Assert.False((await RunAsync("DeactivateSettlementWay", new { settlementWayId = way.GetProperty("id").GetString() })).GetProperty("settlementWay").GetProperty("active").GetBoolean());
        Assert.Equal("ACCEPTED", Case(await RunAsync("ReopenCase", new { caseId = c, reason = "和解未履行" })).GetProperty("status").GetString());

        // Reference data: created, renamed, deactivated — never deleted.
        var village = (await RunAsync("CreateVillage", new { code = "T" + tag, name = "新建村", kind = "VILLAGE" })).GetProperty("village");
        var newLeader = (await RunAsync("CreateLeader", new { name = "测试乙", title = "村党支部书记", level = "VILLAGE", villageCode = "T" + tag })).GetProperty("leader");
        Assert.Equal("新建村", newLeader.GetProperty("village").GetProperty("name").GetString());
        Assert.Equal("村委会主任", (await RunAsync("RenameLeader", new { leaderId = newLeader.GetProperty("id").GetString(), title = "村委会主任" })).GetProperty("leader").GetProperty("title").GetString());
        Assert.False((await RunAsync("DeactivateLeader", new { leaderId = newLeader.GetProperty("id").GetString() })).GetProperty("leader").GetProperty("active").GetBoolean());
        Assert.Equal(["新建苑", "新建花园"], (await RunAsync("SetVillageAliases", new { villageId = village.GetProperty("id").GetString(), aliases = new[] { "新建苑", "新建花园" } }))
            .GetProperty("village").GetProperty("aliases").EnumerateArray().Select(a => a.GetString()!));
        Assert.Equal("新建社区", (await RunAsync("RenameVillage", new { villageId = village.GetProperty("id").GetString(), name = "新建社区" })).GetProperty("village").GetProperty("name").GetString());
        Assert.False((await RunAsync("DeactivateVillage", new { villageId = village.GetProperty("id").GetString() })).GetProperty("village").GetProperty("active").GetBoolean());
        var category = (await RunAsync("CreateCategory", new { code = "T" + tag, nameZh = "测试领域", nameEn = "Test" })).GetProperty("category");
        Assert.Equal("Testing", (await RunAsync("RenameCategory", new { categoryId = category.GetProperty("id").GetString(), nameEn = "Testing" })).GetProperty("category").GetProperty("nameEn").GetString());
        Assert.False((await RunAsync("DeactivateCategory", new { categoryId = category.GetProperty("id").GetString() })).GetProperty("category").GetProperty("active").GetBoolean());

        // An integration client, then its key revoked.
        var client = (await RunAsync("CreateApiClient", new { name = "区信访系统" + tag, scopes = new[] { "cases:read" } })).GetProperty("client");
        Assert.StartsWith("pgk_", client.GetProperty("key").GetString(), StringComparison.Ordinal);
        var created = await RunAsync("CreateWebhookSubscription", new { clientId = client.GetProperty("id").GetString(), url = "http://127.0.0.1:9/hook", kinds = new[] { "ACCEPTED" } });
        Assert.StartsWith("whsec_", created.GetProperty("secret").GetString(), StringComparison.Ordinal);
        var hook = created.GetProperty("subscription").GetProperty("id").GetString();
        Assert.Equal("paused by an administrator", (await RunAsync("PauseWebhookSubscription", new { subscriptionId = hook })).GetProperty("subscription").GetProperty("pausedReason").GetString());
        Assert.Equal(JsonValueKind.Null, (await RunAsync("ResumeWebhookSubscription", new { subscriptionId = hook })).GetProperty("subscription").GetProperty("pausedAt").ValueKind);
        Assert.Equal(4, (await RunAsync("ReplayWebhookSubscription", new { subscriptionId = hook, fromSequence = 5 })).GetProperty("subscription").GetProperty("cursor").GetInt64());
        Assert.False((await RunAsync("DeactivateWebhookSubscription", new { subscriptionId = hook })).GetProperty("subscription").GetProperty("active").GetBoolean());
        Assert.False((await RunAsync("DeactivateApiClient", new { clientId = client.GetProperty("id").GetString() })).GetProperty("client").GetProperty("active").GetBoolean());
        // A period long before every case here: closing it must not turn other tests' backdated petitions into corrections.
        var closed = (await RunAsync("ClosePeriod", new { period = "2000-01" })).GetProperty("closedPeriod");
        Assert.Equal(0, closed.GetProperty("published").GetProperty("increment").GetInt32());
        var subscription = (await RunAsync("SubscribeToReport", new { report = "DUE_LIST", address = $"wang.{tag}@town.example", role = "OFFICE" })).GetProperty("subscription");
        Assert.Equal($"wang.{tag}@town.example", subscription.GetProperty("mailbox").GetString());
        Assert.False((await RunAsync("UnsubscribeFromReport", new { subscriptionId = subscription.GetProperty("id").GetString() })).GetProperty("subscription").GetProperty("active").GetBoolean());

        var mailbox = await RunAsync("SetReminderMailbox", new { villageCode = "9901002", address = $"handlers.{tag}@town.example" });
        Assert.Equal("VILLAGE:9901002", mailbox.GetProperty("recipient").GetString());
        // The office's inbox holds no reminders until the background makes them: nothing to mark, and nothing refused.
        Assert.True((await RunAsync("MarkNotificationsRead", new { all = true })).GetProperty("marked").GetInt32() >= 0);

        // A campaign, then a change to it.
        var campaign = (await RunAsync("CreateCampaign", new { input = NewCampaign("专项行动" + tag) })).GetProperty("campaign");
        Assert.Equal(3, campaign.GetProperty("progress").GetArrayLength());
        var renamed = (await RunAsync("UpdateCampaign", new { input = new Dictionary<string, object>(NewCampaign("化解积案攻坚" + tag)) { ["campaignId"] = campaign.GetProperty("id").GetString()!, ["expectedVersion"] = 0 } })).GetProperty("campaign");
        Assert.Equal(1, renamed.GetProperty("version").GetInt32());
        Assert.Equal("化解积案攻坚" + tag, renamed.GetProperty("name").GetString());
        var campaignId = campaign.GetProperty("id").GetString()!;
        var listed = (await RunAsync("AddCasesToCampaign", new { campaignId, caseIds = new[] { b, c } })).GetProperty("campaign").GetProperty("caseList");
        Assert.Equal((2, 0), (listed.GetProperty("total").GetInt32(), listed.GetProperty("resolved").GetInt32()));
        Assert.Equal(1, (await RunAsync("RemoveCasesFromCampaign", new { campaignId, caseIds = new[] { b } })).GetProperty("campaign").GetProperty("caseList").GetProperty("total").GetInt32());
        var district = (await RunAsync("EnterDistrictFigure", new { figure = "SATISFACTION_RATE", periodFrom = "2026-07-01", periodTo = "2026-10-01", value = 0.93, source = "区信访局通报" + tag }))
            .GetProperty("districtFigure");
        Assert.Equal(("test-office", 0.93), (district.GetProperty("enteredBy").GetString(), district.GetProperty("value").GetDouble()));

        var report = (await RunAsync("GenerateReport", new { report = "CAMPAIGN_PROGRESS", period = "2026-10" })).GetProperty("run");
        Assert.Equal("SUCCEEDED", report.GetProperty("status").GetString());
        Assert.Equal("ANALYST", report.GetProperty("readerRole").GetString());

        Assert.Equal(Directory.GetFiles(Folder, "*.graphql").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(), _ran.Order());
    }

    [Fact]
    public async Task A_duplicate_code_or_unknown_id_is_refused()
    {
        var admin = host.ClientAs(PetitionGraph.Api.Access.Role.Admin, "test-admin");
        var duplicate = await admin.QueryAsync(await File.ReadAllTextAsync(Path.Combine(Folder, "CreateVillage.graphql")), new { code = "9901001", name = "重复", kind = "VILLAGE" });
        Assert.Equal("CONFLICT", duplicate.GetProperty("createVillage").GetProperty("userErrors")[0].GetProperty("code").GetString());
        var unknown = await admin.QueryAsync(await File.ReadAllTextAsync(Path.Combine(Folder, "RenameLeader.graphql")), new { leaderId = GlobalId.Encode("Leader", 999_999), name = "无" });
        Assert.Equal("NOT_FOUND", unknown.GetProperty("renameLeader").GetProperty("userErrors")[0].GetProperty("code").GetString());
    }

    private static object NewCase(DateTimeOffset at, string villageCode) => new
    {
        receivedAt = at.ToString("O"),
        channel = "LETTER",
        title = "示例事项",
        demand = "要求依法处理",
        categoryCode = "OTHER",
        villageCode,
        petitioners = new[] { new { name = "测试丙", idNumber = PetitionGraph.Tests.Cases.CaseActions.NewIdNumber() } },
    };

    public static Dictionary<string, object> NewCampaign(string name) => new()
    {
        ["name"] = name,
        ["baselineAt"] = "2026-01-01",
        ["phases"] = new[]
        {
            new { kind = "SCREENING", from = "2026-01-01", to = "2026-03-01" },
            new { kind = "PLANNING", from = "2026-03-01", to = "2026-05-01" },
            new { kind = "CONCENTRATED_EFFORT", from = "2026-05-01", to = "2026-10-01" },
            new { kind = "CONSOLIDATION", from = "2026-10-01", to = "2027-01-01" },
        },
        ["targets"] = new object[]
        {
            new { figure = "STOCK", comparison = "REDUCE_BY_PERCENT", value = 40 },
            new { figure = "BACKLOG_INCREMENT", comparison = "AT_MOST", value = 0 },
            new { figure = "ON_TIME_ACCEPTANCE_RATE", comparison = "AT_LEAST", value = 1 },
        },
    };

    private static JsonElement Case(JsonElement payload) => payload.GetProperty("case");

    /// <summary>Reference data is the administrators' (the office runs everything else here).</summary>
    private static readonly HashSet<string> AdminOperations =
    [
        "CreateVillage", "RenameVillage", "SetVillageAliases", "DeactivateVillage", "CreateLeader", "RenameLeader", "DeactivateLeader",
        "CreateCategory", "RenameCategory", "DeactivateCategory", "CreateApiClient", "DeactivateApiClient",
        "CreateWebhookSubscription", "PauseWebhookSubscription", "ResumeWebhookSubscription", "ReplayWebhookSubscription", "DeactivateWebhookSubscription",
        "SubscribeToReport", "UnsubscribeFromReport", "SetReminderMailbox", "CreateUnit", "DeactivateUnit", "CreateSettlementWay", "DeactivateSettlementWay",
    ];

    /// <summary>Steps only a unit takes, on its own referrals: run with a UNIT token of <see cref="_unit"/>.</summary>
    private static readonly HashSet<string> UnitOperations = ["AcceptReferral", "ReplyToReferral", "ReturnReferral"];

    private string? _unit;

    private async Task<JsonElement> RunAsync(string operation, object variables)
    {
        _ran.Add(operation);
        var client = AdminOperations.Contains(operation) ? host.ClientAs(PetitionGraph.Api.Access.Role.Admin, "test-admin")
            : UnitOperations.Contains(operation) ? host.ClientAs(PetitionGraph.Api.Access.Role.Unit, "test-unit", unit: _unit)
            : host.Client;
        var data = await client.QueryAsync(await File.ReadAllTextAsync(Path.Combine(Folder, operation + ".graphql")), variables);
        var payload = data.EnumerateObject().Single().Value;
        Assert.True(payload.GetProperty("userErrors").GetArrayLength() == 0, $"{operation}: {payload.GetProperty("userErrors")}");
        return payload;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MutationOperationsTestsOnSqlite(SqliteHost host) : MutationOperationsTests(host);

[Collection(PostgresCollection.Name)]
public sealed class MutationOperationsTestsOnPostgres(PostgresHost host) : MutationOperationsTests(host);
