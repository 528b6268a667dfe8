using System.Net;
using System.Text.Json;
using PetitionGraph.Api.Access;
using PetitionGraph.Tests.Cases;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Access;

/// <summary>
/// Who sees what. Four cases are made for each test: A (village 9901001, leader L1), B (9901002, leader L2, accuses L1),
/// C (9901001, L1 assigned, L2 declared a conflict), D (9901001, L1 assigned, then a repeat petition accuses L1).
/// Every role is asked through every path; the exact cases and personal-data values are checked.
/// </summary>
public abstract class AccessTests(TestHost host)
{
    private readonly AccessFixture _fixture = new(host);

    public static TheoryData<string> Roles() => AccessFixture.Roles();

    private Task<AccessFixture.FourCases> MakeAsync() => _fixture.MakeAsync();

    private (GraphQLClient Client, string[] Visible, bool Personal) As(string who, AccessFixture.FourCases f) => _fixture.As(who, f);

    private static string Key(AccessFixture.FourCases f, string number) => AccessFixture.Key(f, number);

    private static int LeaderKey(string globalId) => AccessFixture.LeaderKey(globalId);

    private static string? Text(JsonElement element, string field) => AccessFixture.Text(element, field);

    private static string Tag() => AccessFixture.Tag();

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Each_role_sees_exactly_its_cases_and_personal_data_through_every_path(string who)
    {
        var f = await MakeAsync();
        var (client, visible, personal) = As(who, f);
        var numbers = f.Cases.Values.Select(m => m.Number).ToArray();

        // Lists and their totals.
        var list = await client.QueryAsync("""
            query($numbers: [String!]) { cases(where: { number: { in: $numbers } }, first: 10) { totalCount nodes { number petitioners { name idNumber phone address } } } }
            """, new { numbers });
        var nodes = list.GetProperty("cases").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(visible.Order(), nodes.Select(n => Key(f, n.GetProperty("number").GetString()!)).Order());
        Assert.Equal(visible.Length, list.GetProperty("cases").GetProperty("totalCount").GetInt32());
        foreach (var node in nodes)
        {
            var made = f.Cases[Key(f, node.GetProperty("number").GetString()!)];
            var petitioner = node.GetProperty("petitioners")[0];
            Assert.Equal(personal ? made.Name : PersonalDataPolicy.MaskName(made.Name), petitioner.GetProperty("name").GetString());
            Assert.Equal(personal ? made.IdNumber : null, Text(petitioner, "idNumber"));
            Assert.Equal(personal ? made.Phone : null, Text(petitioner, "phone"));
            Assert.Equal(personal ? made.Address : null, Text(petitioner, "address"));
        }

        foreach (var (key, made) in f.Cases)
        {
            var seen = visible.Contains(key);
            // By node id, by number, through the petitioner, through the village, and in the figures.
            var one = await client.QueryAsync("""
                query($id: ID!, $number: String!, $petitioner: ID!) {
                  node(id: $id) { ... on Case { number } }
                  caseByNumber(number: $number) { number }
                  petitioner: node(id: $petitioner) { ... on Petitioner { cases { number } } }
                  nodes(ids: [$id]) { id }
                }
                """, new { id = made.Id, number = made.Number, petitioner = made.PetitionerId });
            Assert.Equal(seen, one.GetProperty("node").ValueKind == JsonValueKind.Object);
            Assert.Equal(seen, one.GetProperty("caseByNumber").ValueKind == JsonValueKind.Object);
            Assert.Equal(seen, one.GetProperty("nodes")[0].ValueKind == JsonValueKind.Object);
            var throughPetitioner = one.GetProperty("petitioner");
            Assert.Equal(seen, throughPetitioner.ValueKind == JsonValueKind.Object
                && throughPetitioner.GetProperty("cases").EnumerateArray().Any(c => c.GetProperty("number").GetString() == made.Number));
        }
        var village = await client.QueryAsync("""
            query($numbers: [String!]) { villages(where: { code: { in: ["9901001", "9901002"] } }) { nodes { cases(where: { number: { in: $numbers } }) { totalCount nodes { number } } } } }
            """, new { numbers });
        Assert.Equal(visible.Length, village.GetProperty("villages").GetProperty("nodes").EnumerateArray().Sum(v => v.GetProperty("cases").GetProperty("totalCount").GetInt32()));
        var leaderCases = await client.QueryAsync("""
            query($l: ID!, $numbers: [String!]) { node(id: $l) { ... on Leader { cases(where: { number: { in: $numbers } }) { totalCount } } } }
            """, new { l = f.L1, numbers });
        Assert.Equal(visible.Intersect(["A", "C", "D"]).Count(), leaderCases.GetProperty("node").GetProperty("cases").GetProperty("totalCount").GetInt32());
        var figures = await client.QueryAsync("""
            query($numbers: [String!]) { statistics(from: "2026-01-01", to: "2027-01-01", interval: YEAR, where: { number: { in: $numbers } }) { buckets { increment } } }
            """, new { numbers });
        Assert.Equal(visible.Length, figures.GetProperty("statistics").GetProperty("buckets")[0].GetProperty("increment").GetInt32());
    }

    /// <summary>
    /// An analyst's export (POST /graphql/export) lists exactly the cases the same query lists, masked the same way: the
    /// accused official's complaint is never in their spreadsheet either (the audit of an export: ExportTests).
    /// </summary>
    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Each_role_exports_exactly_its_cases_masked_as_its_queries_are(string who)
    {
        var f = await MakeAsync();
        var (client, visible, personal) = As(who, f);
        var numbers = f.Cases.Values.Select(m => m.Number).ToArray();
        var body = System.Text.Json.JsonSerializer.Serialize(new
        {
            query = "query Exported($numbers: [String!]) { cases(where: { number: { in: $numbers } }) { nodes { number petitioners { name phone } } } }",
            variables = new { numbers },
        });
        using var response = await client.Http.PostAsync("/graphql/export?format=csv", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = Workbench.ExportTests.Csv(await response.Content.ReadAsStringAsync());
        Assert.Equal(["number", "petitioners.name", "petitioners.phone"], rows[0]);
        Assert.Equal(visible.Order(), rows.Skip(1).Select(r => Key(f, r[0])).Order());
        foreach (var row in rows.Skip(1))
        {
            var made = f.Cases[Key(f, row[0])];
            Assert.Equal(personal ? made.Name : PersonalDataPolicy.MaskName(made.Name), row[1]);
            Assert.Equal(personal ? made.Phone : "", row[2]);
        }
    }

    /// <summary>
    /// A leader records their own part (批示, 督办, 接访, 协调) on the cases they own — never on another's, never on one
    /// that accuses them (it does not exist for them), and never the task team's records.
    /// </summary>
    [Fact]
    public async Task A_leader_records_their_own_part_only_on_the_cases_they_own()
    {
        var f = await MakeAsync();
        var (leader, visible, _) = As("LEADER_L1", f);
        Assert.Equal(["A", "C"], visible);
        const string record = """
            mutation($id: ID!, $kind: ActivityKind!) { recordActivity(input: { caseId: $id, kind: $kind, summary: "批示：请村里本周内再次上门。" }) {
              case { activities { kind summary actor } } userErrors { code field message } } }
            """;
        var own = (await leader.QueryAsync(record, new { id = f.Cases["A"].Id, kind = "INSTRUCTION" })).GetProperty("recordActivity");
        Assert.Equal(0, own.GetProperty("userErrors").GetArrayLength());
        var entry = Assert.Single(own.GetProperty("case").GetProperty("activities").EnumerateArray());
        Assert.Equal("INSTRUCTION", entry.GetProperty("kind").GetString());
        Assert.StartsWith("leader-l1-", entry.GetProperty("actor").GetString(), StringComparison.Ordinal);

        // Not the task team's records; not another leader's case; not the case that accuses them (D), which is not there.
        var teamRecord = (await leader.QueryAsync(record, new { id = f.Cases["C"].Id, kind = "HEARING" })).GetProperty("recordActivity").GetProperty("userErrors")[0];
        Assert.Equal("VALIDATION", teamRecord.GetProperty("code").GetString());
        foreach (var key in new[] { "B", "D" })
        {
            var refused = (await leader.QueryAsync(record, new { id = f.Cases[key].Id, kind = "SUPERVISION" })).GetProperty("recordActivity").GetProperty("userErrors")[0];
            Assert.Equal("NOT_FOUND", refused.GetProperty("code").GetString());
        }
        var office = host.ClientAs(Role.Office, "office-" + Tag());
        var activities = await office.QueryAsync("query($id: ID!) { node(id: $id) { ... on Case { activities { kind } } } }", new { id = f.Cases["D"].Id });
        Assert.Equal(0, activities.GetProperty("node").GetProperty("activities").GetArrayLength());

        // Cases without a plan, with a leader's instruction: the filters on plan and activities.
        var planned = await office.QueryAsync("""
            mutation($id: ID!) { setCasePlan(input: { caseId: $id, steps: [{ description: "入户核实", owner: "村委", dueAt: "2026-11-20" }] }) { userErrors { message } } }
            """, new { id = f.Cases["C"].Id });
        Assert.Equal(0, planned.GetProperty("setCasePlan").GetProperty("userErrors").GetArrayLength());
        var numbers = f.Cases.Values.Select(m => m.Number).ToArray();
        var filtered = await office.QueryAsync("""
            query($numbers: [String!]) {
              noPlan: cases(where: { number: { in: $numbers }, plan: { any: false } }) { totalCount }
              instructed: cases(where: { number: { in: $numbers }, activities: { some: { kind: { eq: INSTRUCTION } } } }) { nodes { number } }
            }
            """, new { numbers });
        Assert.Equal(3, filtered.GetProperty("noPlan").GetProperty("totalCount").GetInt32());
        Assert.Equal([f.Cases["A"].Number], filtered.GetProperty("instructed").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("number").GetString()));

        // What waits on the leader: the pending steps of the cases they own and C's plan step — never B's, never D's.
        var work = (await leader.QueryAsync("{ myWork(first: 500) { kind dueAt daysLeft overdue description owner case { number } } }"))
            .GetProperty("myWork").EnumerateArray().ToList();
        Assert.Equal(work.Select(w => w.GetProperty("dueAt").GetDateTimeOffset()).Order(), work.Select(w => w.GetProperty("dueAt").GetDateTimeOffset()));
        var ours = work.Where(w => numbers.Contains(w.GetProperty("case").GetProperty("number").GetString()))
            .Select(w => $"{Key(f, w.GetProperty("case").GetProperty("number").GetString()!)} {w.GetProperty("kind").GetString()}").Order().ToList();
        Assert.Equal(["A ACCEPTANCE", "C ACCEPTANCE", "C PLAN_STEP"], ours);
        var step = work.Single(w => w.GetProperty("kind").GetString() == "PLAN_STEP" && w.GetProperty("case").GetProperty("number").GetString() == f.Cases["C"].Number);
        // Due 2026-11-20 (office midnight); today is 2026-11-01 in office time.
        Assert.Equal(19, step.GetProperty("daysLeft").GetInt32());
        Assert.False(step.GetProperty("overdue").GetBoolean());
        Assert.Equal("入户核实", step.GetProperty("description").GetString());
        Assert.Equal("村委", step.GetProperty("owner").GetString());
        var analyst = await host.ClientAs(Role.Analyst, "analyst-" + Tag()).PostAsync("{ myWork { kind } }");
        Assert.Equal("FORBIDDEN", analyst.ErrorCodes[0]);
    }

    /// <summary>
    /// The paths a district system follows — the change feed and a live subscription — show each role exactly the cases
    /// its queries show, masked the same way: an accused official never learns of a change to the complaint about them.
    /// </summary>
    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Each_role_gets_exactly_its_cases_through_the_change_feed_and_a_live_subscription(string who)
    {
        var f = await MakeAsync();
        var (client, visible, personal) = As(who, f);
        var numbers = f.Cases.Values.Select(m => m.Number).ToArray();
        var where = new { number = new { @in = numbers } };

        var feed = await client.QueryAsync("""
            query($where: CaseFilterInput) { changes(first: 500, where: { case: $where }) { nodes { kind case { number petitioners { name } } } } }
            """, new { where });
        var fed = feed.GetProperty("changes").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(visible.Order(), fed.Select(n => Key(f, n.GetProperty("case").GetProperty("number").GetString()!)).Distinct().Order());
        Assert.All(fed, n => AssertName(f, n.GetProperty("case"), personal));

        var token = client.Http.DefaultRequestHeaders.Authorization!.Parameter!;
        await using var live = await GraphQLWebSocketClient.ConnectAsync(host.BaseAddress);
        await live.InitAsync(token);
        await live.NextAsync();
        await live.SendAsync(new
        {
            id = "s",
            type = "subscribe",
            payload = new { query = "subscription($where: CaseFilterInput) { caseChanged(where: $where) { case { number petitioners { name } } } }", variables = new { where } },
        });
        await Task.Delay(600);
        foreach (var key in new[] { "B", "C", "D", "A" })
        {
            await Changes.FreshCases.RecordActivityAsync(host, f.Cases[key].Id);
        }
        var received = new List<string>();
        while (received.Count < visible.Length)
        {
            var next = await live.NextWhereAsync(m => m.GetProperty("type").GetString() == "next");
            var changed = next.GetProperty("payload").GetProperty("data").GetProperty("caseChanged").GetProperty("case");
            AssertName(f, changed, personal);
            received.Add(Key(f, changed.GetProperty("number").GetString()!));
        }
        // Nothing else arrives: the notifier polls every 250 ms, so a change it would wrongly send would be here by now.
        var stray = await live.NextOrNothingAsync(TimeSpan.FromMilliseconds(900));
        Assert.True(stray is null || stray.Value.GetProperty("type").GetString() != "next", $"not to be seen by {who}: {stray}");
        Assert.Equal(visible.Order(), received.Order());
    }

    private static void AssertName(AccessFixture.FourCases f, JsonElement @case, bool personal)
    {
        var made = f.Cases[Key(f, @case.GetProperty("number").GetString()!)];
        var name = @case.GetProperty("petitioners")[0].GetProperty("name").GetString();
        Assert.Equal(personal ? made.Name : PersonalDataPolicy.MaskName(made.Name), name);
    }

    [Fact]
    public async Task A_masked_read_says_so_in_extensions_and_probing_by_filter_is_refused()
    {
        var f = await MakeAsync();
        var analyst = host.ClientAs(Role.Analyst, "analyst-" + Tag());
        var response = await analyst.PostAsync("query($id: ID!) { node(id: $id) { ... on Petitioner { name idNumber } } }", new { id = f.Cases["A"].PetitionerId });
        var masked = response.Body.GetProperty("extensions").GetProperty("personalData");
        Assert.Equal(["idNumber", "name"], masked.GetProperty("masked").EnumerateArray().Select(m => m.GetString()!));
        Assert.Contains("ANALYST", masked.GetProperty("reason").GetString(), StringComparison.Ordinal);

        var probe = await analyst.PostAsync("query($id: String!) { petitioners(where: { idNumber: { eq: $id } }) { totalCount } }", new { id = f.Cases["A"].IdNumber });
        Assert.Equal("FORBIDDEN", probe.ErrorCodes[0]);
        var sort = await analyst.PostAsync("{ petitioners(first: 1, order: [{ name: ASC }]) { nodes { id } } }");
        Assert.Equal("FORBIDDEN", sort.ErrorCodes[0]);
    }

    private static List<string> PetitionerIds(System.Text.Json.JsonElement entry) =>
        [.. entry.GetProperty("petitionerIds").EnumerateArray().Select(id => id.GetString()!)];

    [Fact]
    public async Task Every_unmasked_read_is_audited_once_with_its_fields()
    {
        var f = await MakeAsync();
        var user = "auditor-" + Tag();
        var office = host.ClientAs(Role.Office, user);
        var ids = f.Cases.Values.Select(m => m.PetitionerId).ToArray();
        await office.QueryAsync("query($ids: [ID!]!) { nodes(ids: $ids) { ... on Petitioner { name phone } } }", new { ids });
        await office.QueryAsync("query($id: ID!) { node(id: $id) { ... on Petitioner { idNumber address } } }", new { id = ids[0] });
        await host.ClientAs(Role.Analyst, user + "-analyst").QueryAsync("query($ids: [ID!]!) { nodes(ids: $ids) { ... on Petitioner { name phone } } }", new { ids });

        var admin = host.ClientAs(Role.Admin, "admin-" + Tag());
        var trail = await admin.QueryAsync("query($actor: String) { auditTrail(actor: $actor, first: 100) { nodes { actor role action petitionerIds fields operation } } }", new { actor = user });
        // Newest first: the single node read, then the page of every petitioner (one entry per request and field set).
        var entries = trail.GetProperty("auditTrail").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal("READ", e.GetProperty("action").GetString()));
        Assert.All(entries, e => Assert.Equal("OFFICE", e.GetProperty("role").GetString()));
        Assert.Equal("address,idNumber", entries[0].GetProperty("fields").GetString());
        Assert.Equal([ids[0]], PetitionerIds(entries[0]));
        Assert.Equal("name,phone", entries[1].GetProperty("fields").GetString());
        Assert.Equal(ids.Order(), PetitionerIds(entries[1]).Order());
        foreach (var id in ids)
        {
            var about = await admin.QueryAsync("query($actor: String, $id: ID) { auditTrail(actor: $actor, petitionerId: $id) { nodes { fields } } }", new { actor = user, id });
            var fields = about.GetProperty("auditTrail").GetProperty("nodes").EnumerateArray().Select(e => e.GetProperty("fields").GetString()).ToList();
            Assert.Equal(id == ids[0] ? ["address,idNumber", "name,phone"] : ["name,phone"], fields);
        }
        var none = await admin.QueryAsync("query($actor: String) { auditTrail(actor: $actor) { nodes { id } } }", new { actor = user + "-analyst" });
        Assert.Equal(0, none.GetProperty("auditTrail").GetProperty("nodes").GetArrayLength());

        var forbidden = await office.PostAsync("{ auditTrail { nodes { id } } }");
        Assert.Equal("FORBIDDEN", forbidden.ErrorCodes[0]);
    }

    [Fact]
    public async Task A_document_that_passed_for_one_role_is_still_refused_to_another()
    {
        // Documents without variables skip validation once they passed for a role and scopes; never for another role.
        var query = "{ auditTrail(first: 1) { nodes { id } } __typename" + Tag() + ": __typename }";
        var admin = host.ClientAs(Role.Admin, "admin-" + Tag());
        var office = host.ClientAs(Role.Office, "office-" + Tag());
        for (var i = 0; i < 3; i++)
        {
            Assert.Empty((await admin.PostAsync(query)).ErrorCodes);
            Assert.Equal("FORBIDDEN", Assert.Single((await office.PostAsync(query)).ErrorCodes));
        }
    }

    [Fact]
    public async Task Requests_without_a_valid_token_get_nothing()
    {
        foreach (var client in new[] { host.Anonymous(), WithToken("not-a-token"), WithToken(ForeignToken()) })
        {
            var response = await client.PostAsync("{ cases(first: 1) { totalCount } }");
            Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
            Assert.Equal("UNAUTHENTICATED", response.ErrorCodes[0]);
            Assert.False(response.Body.TryGetProperty("data", out _));
            var get = await client.Http.GetAsync(new Uri("/graphql?query=%7B__schema%7BqueryType%7Bname%7D%7D%7D", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, get.StatusCode);
            var report = await client.Http.GetAsync(new Uri("/reports/1/report.html", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, report.StatusCode);
        }
    }

    [Theory]
    [InlineData("ANALYST", "mutation { createVillage(input: { code: \"X1\", name: \"无\", kind: VILLAGE }) { userErrors { code } } }")]
    [InlineData("OFFICE", "mutation { createCategory(input: { code: \"X2\", nameZh: \"无\", nameEn: \"None\" }) { userErrors { code } } }")]
    [InlineData("LEADER", "mutation { generateReport(input: { report: DUE_LIST, period: \"2026-10\" }) { userErrors { code } } }")]
    [InlineData("ANALYST", "mutation { acceptCase(input: { caseId: \"Q2FzZTox\" }) { userErrors { code } } }")]
    [InlineData("VILLAGE_HANDLER", "{ reportRuns { id } }")]
    public async Task Fields_outside_a_role_are_refused_before_anything_runs(string role, string query)
    {
        var response = await host.ClientAs(Enum.Parse<Role>(role.Replace("_", "", StringComparison.Ordinal), ignoreCase: true), "role-" + Tag()).PostAsync(query);
        Assert.Equal("FORBIDDEN", response.ErrorCodes[0]);
        Assert.False(response.Body.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object);
    }

    [Fact]
    public async Task Reports_follow_the_callers_scope_and_an_accused_account_gets_only_its_own()
    {
        var f = await MakeAsync();
        using (host.TravelTo(TestHost.Now.AddHours(-1)))
        {
            foreach (var key in new[] { "A", "B", "D" })
            {
                var designated = await host.Client.QueryAsync("mutation($c: ID!) { designateBacklog(input: { caseId: $c, source: \"测试清单\" }) { userErrors { code message } } }",
                    new { c = f.Cases[key].Id });
                CaseActions.AssertNoUserErrors(designated.GetProperty("designateBacklog"));
            }
        }
        const string Generate = "mutation { generateReport(input: { report: LEADER_OWNERSHIP, period: \"2026-11\", readerRole: OFFICE }) { run { id artifacts { fileName url } } } }";
        var accused = host.ClientAs(Role.Office, "accused-" + Tag(), leaderId: LeaderKey(f.L1));
        var own = await HtmlAsync(accused, await accused.QueryAsync(Generate));
        Assert.Contains(f.Cases["A"].Number, own, StringComparison.Ordinal);
        Assert.DoesNotContain(f.Cases["B"].Number, own, StringComparison.Ordinal);
        Assert.DoesNotContain(f.Cases["D"].Number, own, StringComparison.Ordinal);

        var byOffice = await host.Client.QueryAsync(Generate);
        var office = await HtmlAsync(host.Client, byOffice);
        Assert.Contains(f.Cases["B"].Number, office, StringComparison.Ordinal);
        Assert.Contains(f.Cases["D"].Number, office, StringComparison.Ordinal);
        var url = byOffice.GetProperty("generateReport").GetProperty("run").GetProperty("artifacts")[0].GetProperty("url").GetString();
        Assert.Equal(HttpStatusCode.Forbidden, (await accused.Http.GetAsync(new Uri(url!, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.ClientAs(Role.Analyst, "analyst-" + Tag()).Http.GetAsync(new Uri(url!, UriKind.Relative))).StatusCode);

        // Listing follows the same rule: the accused account is not even told the office's run exists.
        var listed = (await accused.QueryAsync("{ reportRuns(report: \"leader-ownership\", first: 100) { id } }"))
            .GetProperty("reportRuns").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Contains(RunId(await accused.QueryAsync("{ latestReportRun(report: LEADER_OWNERSHIP, period: \"2026-11\") { id } }"), "latestReportRun"), listed);
        Assert.DoesNotContain(byOffice.GetProperty("generateReport").GetProperty("run").GetProperty("id").GetString(), listed);
    }

    /// <summary>
    /// node(id:) and nodes refetch a report run (ReportRun is a Node) under the rule of reportRuns, for every role of the
    /// matrix: a run made with names only for those who may read names, none for a role that sees no reports, and an
    /// account linked to a leader only its own runs — never the office's run, which may name a case accusing that leader.
    /// </summary>
    [Fact]
    public async Task A_report_run_is_refetched_by_node_only_by_those_who_may_open_it()
    {
        var f = await MakeAsync();
        async Task<string> GenerateAsync(GraphQLClient client, string readerRole) => RunId((await client.QueryAsync(
            $"mutation {{ generateReport(input: {{ report: BY_CATEGORY, period: \"2026-10\", readerRole: {readerRole} }}) {{ run {{ id }} }} }}"))
            .GetProperty("generateReport"), "run")!;
        var withNames = await GenerateAsync(host.Client, "OFFICE");
        var withoutNames = await GenerateAsync(host.Client, "ANALYST");
        const string Node = "query($id: ID!) { node(id: $id) { __typename id ... on ReportRun { report readerRole } } nodes(ids: [$id]) { id } }";
        var expected = new Dictionary<string, (bool Names, bool NoNames)>
        {
            ["OFFICE"] = (true, true),
            ["OFFICE_ACCUSED"] = (false, false),
            ["OFFICE_CONFLICTED"] = (false, false),
            ["ANALYST"] = (false, true),
            ["ADMIN"] = (false, true),
            ["VILLAGE_HANDLER"] = (false, false),
            ["LEADER_L1"] = (false, false),
            ["LEADER_L2"] = (false, false),
            ["UNIT"] = (false, false),
        };
        foreach (string who in AccessFixture.Roles())
        {
            var client = As(who, f).Client;
            foreach (var (id, sees) in new[] { (withNames, expected[who].Names), (withoutNames, expected[who].NoNames) })
            {
                var data = await client.QueryAsync(Node, new { id });
                if (sees)
                {
                    Assert.Equal("ReportRun", data.GetProperty("node").GetProperty("__typename").GetString());
                    Assert.Equal(id, data.GetProperty("node").GetProperty("id").GetString());
                    Assert.Equal("by-category", data.GetProperty("node").GetProperty("report").GetString());
                    Assert.Equal(id, data.GetProperty("nodes")[0].GetProperty("id").GetString());
                }
                else
                {
                    Assert.True(data.GetProperty("node").ValueKind == JsonValueKind.Null, $"{who} refetched {id}: {data}");
                    Assert.Equal(JsonValueKind.Null, data.GetProperty("nodes")[0].ValueKind);
                }
            }
        }
        // The account linked to a leader refetches the run it asked for itself.
        var accused = host.ClientAs(Role.Office, "accused-node-" + Tag(), leaderId: LeaderKey(f.L1));
        var own = await GenerateAsync(accused, "OFFICE");
        Assert.Equal(own, (await accused.QueryAsync(Node, new { id = own })).GetProperty("node").GetProperty("id").GetString());
    }

    private static string? RunId(JsonElement data, string field) => data.GetProperty(field).GetProperty("id").GetString();

    private static async Task<string> HtmlAsync(GraphQLClient client, JsonElement generated)
    {
        var url = generated.GetProperty("generateReport").GetProperty("run").GetProperty("artifacts").EnumerateArray()
            .First(a => a.GetProperty("fileName").GetString() == "report.html").GetProperty("url").GetString();
        return await client.Http.GetStringAsync(url);
    }

    private GraphQLClient WithToken(string token)
    {
        var http = new HttpClient { BaseAddress = host.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return new GraphQLClient(http);
    }

    /// <summary>A well-formed token signed with some other key.</summary>
    private static string ForeignToken() =>
        new TokenIssuer(new AuthOptions { SigningKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)) }, new DemoMode(false))
            .Issue("intruder", Role.Office);
}

[Collection(SqliteCollection.Name)]
public sealed class AccessTestsOnSqlite(SqliteHost host) : AccessTests(host);

[Collection(PostgresCollection.Name)]
public sealed class AccessTestsOnPostgres(PostgresHost host) : AccessTests(host);
