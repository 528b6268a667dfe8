using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.Reminders;
using PetitionGraph.Tests.Access;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Reminders;

/// <summary>
/// Reminders end to end, on the four access cases (A: village 1, L1; B: village 2, L2, accuses L1; C: village 1, L1,
/// L2 conflicted; D: village 1, L1 assigned then accused): two instances on one database remind once and mail one
/// digest per mailbox through a real SMTP server; each inbox holds exactly its cases; names follow the recipient's
/// role; nothing is made at night; a step done withdraws its reminders; escalation reaches the office.
/// </summary>
public abstract class ReminderTests(DatabaseProvider provider) : IAsyncLifetime, IDisposable
{
    private readonly CustomHosts _hosts = new(provider);
    private readonly SmtpServer _smtp = new();

    [Fact]
    public async Task Due_steps_are_reminded_once_to_each_inbox_and_mailed_once_per_mailbox_with_names_by_role()
    {
        var connection = await CustomHost.NewDatabaseAsync(provider);
        var settings = new Dictionary<string, string?>(_smtp.Settings(new Dictionary<string, string> { ["OFFICE"] = "xfb@town.example" }));
        var first = await StartAsync(connection, 30, settings);
        var second = await StartAsync(connection, 0, settings);
        var f = await new AccessFixture(first).MakeAsync();
        var admin = first.ClientAs(Role.Admin, "test-admin");
        await SetMailbox(admin, new { villageCode = AccessFixture.Village1, address = "v1.handlers@town.example" });
        await SetMailbox(admin, new { leaderId = f.L1, address = "l1@town.example" });
        await SetMailbox(admin, new { leaderId = f.L2, address = "l2@town.example" });
        Assert.Contains("not an e-mail address", await SetMailboxRefused(admin, new { leaderId = f.L1, address = "l1 at town" }), StringComparison.Ordinal);
        Assert.Contains("exactly one", await SetMailboxRefused(admin, new { leaderId = f.L1, office = true, address = "x@town.example" }), StringComparison.Ordinal);
        Assert.Equal(["FORBIDDEN"], (await first.Client.PostAsync("mutation { setReminderMailbox(input: { office: true, address: \"x@town.example\" }) { address } }")).ErrorCodes);

        // The four cases' acceptance is due in 12 days. Two days before, at 09:00 office time: DUE_SOON, threshold 3.
        var due = DateTime.Parse((await first.Client.QueryAsync("query($id: ID!) { node(id: $id) { ... on Case { nextDueAt } } }", new { id = f.Cases["A"].Id }))
            .GetProperty("node").GetProperty("nextDueAt").GetString()!, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
        var dayBefore2 = OfficeNine(due.AddDays(-2));
        first.Clock.Now = second.Clock.Now = dayBefore2;
        for (var round = 0; round < 2; round++)
        {
            await Task.WhenAll(Tick(first), Tick(second));
        }

        var made = await Made(first, f);
        Assert.Equal([
            "A DUE_SOON 3 LEADER:L1", "A DUE_SOON 3 VILLAGE:9901001",
            // A's referral to the unit U was due an hour ago: overdue, to the unit alone.
            "A OVERDUE 0 UNIT:U",
            "B DUE_SOON 3 LEADER:L2", "B DUE_SOON 3 VILLAGE:9901002",
            "C DUE_SOON 3 LEADER:L1", "C DUE_SOON 3 VILLAGE:9901001",
            // D accuses L1, who owned it before: L1 is never reminded of it.
            "D DUE_SOON 3 VILLAGE:9901001"], made);

        // Each inbox holds exactly its cases, through the caller's scope.
        Assert.Equal(["A", "C", "D"], await Inbox(first, f, first.ClientAs(Role.VillageHandler, "v1", villages: [AccessFixture.Village1])));
        Assert.Equal(["A", "C"], await Inbox(first, f, first.ClientAs(Role.Leader, "l1", AccessFixture.LeaderKey(f.L1))));
        Assert.Equal(["B"], await Inbox(first, f, first.ClientAs(Role.Leader, "l2", AccessFixture.LeaderKey(f.L2))));
        var unit = first.ClientAs(Role.Unit, "unit", unit: f.Unit);
        Assert.Equal(["A"], await Inbox(first, f, unit));
        var unitWork = (await unit.QueryAsync("{ myWork { kind overdue description owner case { number } } }")).GetProperty("myWork");
        Assert.Equal($"REFERRAL True 核实情况 {f.Unit} {f.Cases["A"].Number}", string.Join("|", unitWork.EnumerateArray().Select(w =>
            $"{w.GetProperty("kind").GetString()} {w.GetProperty("overdue").GetBoolean()} {w.GetProperty("description").GetString()} {w.GetProperty("owner").GetString()} {w.GetProperty("case").GetProperty("number").GetString()}")));
        Assert.Empty(await Inbox(first, f, first.Client));
        foreach (var role in new[] { Role.Analyst, Role.Admin })
        {
            Assert.Equal(["FORBIDDEN"], (await first.ClientAs(role, "x").PostAsync("{ notifications { id } }")).ErrorCodes);
        }
        var l1 = first.ClientAs(Role.Leader, "l1", AccessFixture.LeaderKey(f.L1));
        var text = (await l1.QueryAsync("{ notifications(first: 500) { kind step text case { number } } }")).GetProperty("notifications").EnumerateArray()
            .First(n => n.GetProperty("case").GetProperty("number").GetString() == f.Cases["A"].Number);
        Assert.Equal("ACCEPTANCE", text.GetProperty("step").GetString());
        Assert.Equal("【还有 2 天到期】受理告知", text.GetProperty("text").GetString());

        // One digest per mailbox, each sent once although both instances ticked twice.
        // (The seeded cases may add the office's digest of their escalations.)
        await _smtp.WaitForAsync(3);
        await Task.Delay(500);
        var mails = _smtp.Messages().Where(m => m.Recipients.Single() != "xfb@town.example").ToList();
        Assert.Equal(["l1@town.example", "l2@town.example", "v1.handlers@town.example"], mails.SelectMany(m => m.Recipients).Order());
        var village = mails.Single(m => m.Recipients.Contains("v1.handlers@town.example")).Message;
        Assert.StartsWith("信访待办提醒（", village.Subject, StringComparison.Ordinal);
        // A shared mailbox never carries a case with an accusation or a conflict (C, D): those stay in the app.
        Assert.Contains(f.Cases["A"].Number, village.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(f.Cases["C"].Number, village.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(f.Cases["D"].Number, village.TextBody, StringComparison.Ordinal);
        Assert.Contains("信访人：" + f.Cases["A"].Name, village.TextBody, StringComparison.Ordinal);
        var leader = mails.Single(m => m.Recipients.Contains("l1@town.example")).Message;
        Assert.Contains(f.Cases["A"].Number, leader.TextBody, StringComparison.Ordinal);
        Assert.Contains(f.Cases["C"].Number, leader.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(f.Cases["D"].Number, leader.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(f.Cases["A"].Name, leader.TextBody, StringComparison.Ordinal);
        Assert.Contains("信访人：" + PersonalDataPolicy.MaskName(f.Cases["A"].Name), leader.TextBody, StringComparison.Ordinal);
        await using (var scope = first.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
            var audited = await db.AuditEntries.Where(a => a.Action == "MAIL" && a.Operation == "reminder digest").ToListAsync();
            Assert.Equal(["mail:v1.handlers@town.example VILLAGE_HANDLER"], audited.Select(a => $"{a.Actor} {a.Role}"));
            Assert.Contains(PetitionGraph.Api.GraphQL.Relay.GlobalId.Decode(f.Cases["A"].PetitionerId).Id, audited[0].PetitionerIds);
        }

        // The next day: threshold 1 reached, reminded once more, and one more digest per mailbox — never two a day.
        first.Clock.Now = second.Clock.Now = dayBefore2.AddDays(1);
        await Task.WhenAll(Tick(first), Tick(second));
        Assert.Contains("A DUE_SOON 1 VILLAGE:9901001", await Made(first, f));
        await _smtp.WaitForAsync(6);
        await Task.Delay(500);
        var daily = _smtp.Messages().GroupBy(m => (m.Recipients.Single(), m.Message.Subject![..m.Message.Subject!.IndexOf('：', StringComparison.Ordinal)])).ToList();
        Assert.All(daily, d => Assert.Single(d));
        Assert.Equal(2, daily.Count(d => d.Key.Item1 == "l1@town.example"));

        // Accepting A takes its reminders back at once, in the step's own transaction.
        var accepted = await first.Client.QueryAsync("mutation($id: ID!) { acceptCase(input: { caseId: $id }) { userErrors { message } } }", new { id = f.Cases["A"].Id });
        Assert.Equal(0, accepted.GetProperty("acceptCase").GetProperty("userErrors").GetArrayLength());
        Assert.Equal(["C"], await Inbox(first, f, l1));
        var withdrawn = (await l1.QueryAsync("{ notifications(includeWithdrawn: true, first: 500) { withdrawnAt case { number } } }")).GetProperty("notifications").EnumerateArray()
            .Where(n => n.GetProperty("case").GetProperty("number").GetString() == f.Cases["A"].Number).ToList();
        Assert.Equal(2, withdrawn.Count);
        Assert.All(withdrawn, n => Assert.Equal(JsonValueKind.String, n.GetProperty("withdrawnAt").ValueKind));

        // At night nothing is made, though the due instant passes.
        var before = await Made(first, f);
        first.Clock.Now = OfficeNine(due.AddDays(1)).AddHours(-2);
        await Tick(first);
        Assert.Equal(before, await Made(first, f));

        // Three days overdue: the handlers hear it is overdue, the office is asked to step in (超期督办).
        first.Clock.Now = OfficeNine(due.AddDays(3));
        await Tick(first);
        var late = await Made(first, f);
        Assert.Contains("B OVERDUE 0 LEADER:L2", late);
        // A itself was accepted, but its referral is still unanswered, five days late.
        Assert.Equal(["A ESCALATED 0 OFFICE", "B ESCALATED 0 OFFICE", "C ESCALATED 0 OFFICE", "D ESCALATED 0 OFFICE"], late.Where(m => m.Contains("OFFICE", StringComparison.Ordinal)));
        Assert.Equal(["A", "B", "C", "D"], await Inbox(first, f, first.Client));
        // An office account that belongs to L1 does not see the escalation of the cases that accuse L1.
        Assert.Equal(["A", "C"], await Inbox(first, f, first.ClientAs(Role.Office, "office-l1", AccessFixture.LeaderKey(f.L1))));

        // The unit answers at last: its reminders are withdrawn, and the late reply counts against it (按期反馈率).
        var referral = (await unit.QueryAsync("query($id: ID!) { node(id: $id) { ... on Case { referrals { id } } } }", new { id = f.Cases["A"].Id }))
            .GetProperty("node").GetProperty("referrals")[0].GetProperty("id").GetString();
        var reply = await unit.QueryAsync("mutation($c: ID!, $r: ID!) { replyToReferral(input: { caseId: $c, referralId: $r, measures: \"走访核实\", result: \"已答复\" }) { case { referrals { onTime } } userErrors { message } } }",
            new { c = f.Cases["A"].Id, r = referral });
        Assert.False(reply.GetProperty("replyToReferral").GetProperty("case").GetProperty("referrals")[0].GetProperty("onTime").GetBoolean());
        Assert.Empty(await Inbox(first, f, unit));
        var timeliness = (await first.Client.QueryAsync("query($u: String) { referralTimeliness(from: \"2026-11-01\", to: \"2026-12-01\", unitCode: $u) { bucket unit { code } due repliedOnTime repliedLate unanswered onTimeRate } }",
            new { u = f.Unit })).GetProperty("referralTimeliness");
        // B's referral was returned (not the unit's matter): not counted.
        Assert.Equal($"2026-11 {f.Unit} 1 0 1 0 0", string.Join("|", timeliness.EnumerateArray().Select(t =>
            $"{t.GetProperty("bucket").GetString()} {t.GetProperty("unit").GetProperty("code").GetString()} {t.GetProperty("due").GetInt32()} {t.GetProperty("repliedOnTime").GetInt32()} " +
            $"{t.GetProperty("repliedLate").GetInt32()} {t.GetProperty("unanswered").GetInt32()} {t.GetProperty("onTimeRate").GetDouble()}")));

        var office = first.Client;
        // A plan step due tomorrow is reminded too, and withdrawn when it is done.
        var tomorrow = first.Clock.Now.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var plan = await office.QueryAsync("mutation($id: ID!, $due: DateTime!) { setCasePlan(input: { caseId: $id, steps: [{ description: \"入户核实\", owner: \"村委\", dueAt: $due }] }) { case { plan { id } } userErrors { message } } }",
            new { id = f.Cases["C"].Id, due = tomorrow });
        var step = plan.GetProperty("setCasePlan").GetProperty("case").GetProperty("plan")[0].GetProperty("id").GetString();
        await Tick(first);
        var planned = (await l1.QueryAsync("{ notifications(first: 500) { kind step text planStep { description owner } case { number } } }")).GetProperty("notifications").EnumerateArray()
            .Single(n => n.GetProperty("step").GetString() == "PLAN_STEP" && n.GetProperty("case").GetProperty("number").GetString() == f.Cases["C"].Number);
        Assert.Equal("DUE_SOON", planned.GetProperty("kind").GetString());
        Assert.Equal("入户核实 村委", $"{planned.GetProperty("planStep").GetProperty("description").GetString()} {planned.GetProperty("planStep").GetProperty("owner").GetString()}");
        Assert.StartsWith("【还有 ", planned.GetProperty("text").GetString(), StringComparison.Ordinal);
        var done = await office.QueryAsync("mutation($c: ID!, $s: ID!) { markPlanStepDone(input: { caseId: $c, stepId: $s }) { userErrors { message } } }", new { c = f.Cases["C"].Id, s = step });
        Assert.Equal(0, done.GetProperty("markPlanStepDone").GetProperty("userErrors").GetArrayLength());
        Assert.DoesNotContain((await l1.QueryAsync("{ notifications(first: 500) { step } }")).GetProperty("notifications").EnumerateArray(), n => n.GetProperty("step").GetString() == "PLAN_STEP");

        // Reading: one id of another inbox is not marked; all marks the rest.
        var b = (await office.QueryAsync("{ notifications(first: 500) { id case { number } } }")).GetProperty("notifications").EnumerateArray()
            .First(n => n.GetProperty("case").GetProperty("number").GetString() == f.Cases["B"].Number).GetProperty("id").GetString();
        Assert.Equal(0, (await l1.QueryAsync("mutation($ids: [ID!]) { markNotificationsRead(input: { ids: $ids }) { marked } }", new { ids = new[] { b } }))
            .GetProperty("markNotificationsRead").GetProperty("marked").GetInt32());
        var unread = (await l1.QueryAsync("{ unreadNotifications }")).GetProperty("unreadNotifications").GetInt32();
        Assert.True(unread >= 2);
        Assert.Equal(unread, (await l1.QueryAsync("mutation { markNotificationsRead(input: { all: true }) { marked } }")).GetProperty("markNotificationsRead").GetProperty("marked").GetInt32());
        Assert.Equal(0, (await l1.QueryAsync("{ unreadNotifications }")).GetProperty("unreadNotifications").GetInt32());
        var refused = await l1.QueryAsync("mutation { markNotificationsRead(input: { }) { marked userErrors { message } } }");
        Assert.Contains("all: true", refused.GetProperty("markNotificationsRead").GetProperty("userErrors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    /// <summary>09:00 office time (UTC+8) on the office day of <paramref name="instant"/>.</summary>
    private static DateTimeOffset OfficeNine(DateTime instant)
    {
        var local = instant.AddHours(8).Date;
        return new DateTimeOffset(local.AddHours(1), TimeSpan.Zero);
    }

    private static Task Tick(TestHost host) => host.Services.GetRequiredService<ReminderService>().TickAsync(CancellationToken.None);

    /// <summary>The reminders made about the fixture's cases: "case kind threshold recipient", recipients' leader ids as L1/L2.</summary>
    private static async Task<List<string>> Made(TestHost host, AccessFixture.FourCases f)
    {
        var ids = f.Cases.ToDictionary(c => AccessFixture.LeaderKey(c.Value.Id), c => c.Key);
        var leaders = new Dictionary<string, string>
        {
            [Recipients.Leader(AccessFixture.LeaderKey(f.L1))] = "LEADER:L1",
            [Recipients.Leader(AccessFixture.LeaderKey(f.L2))] = "LEADER:L2",
            [Recipients.Unit(f.Unit)] = "UNIT:U",
        };
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
        var keys = ids.Keys.ToList();
        var rows = await db.Notifications.Where(n => keys.Contains(n.CaseId)).ToListAsync();
        return [.. rows.Select(n => $"{ids[n.CaseId]} {EnumNames.Name(n.Kind)} {n.Threshold} {leaders.GetValueOrDefault(n.Recipient, n.Recipient)}").Order(StringComparer.Ordinal)];
    }

    /// <summary>The fixture's cases in a caller's live reminders.</summary>
    private static async Task<List<string>> Inbox(TestHost host, AccessFixture.FourCases f, GraphQLClient client)
    {
        _ = host;
        var numbers = f.Cases.ToDictionary(c => c.Value.Number, c => c.Key);
        var data = await client.QueryAsync("{ notifications(first: 500) { case { number } } }");
        return [.. data.GetProperty("notifications").EnumerateArray().Select(n => n.GetProperty("case").GetProperty("number").GetString()!)
            .Where(numbers.ContainsKey).Select(n => numbers[n]).Distinct().Order(StringComparer.Ordinal)];
    }

    private static async Task SetMailbox(GraphQLClient admin, object input)
    {
        var data = await admin.QueryAsync("mutation($input: SetReminderMailboxInput!) { setReminderMailbox(input: $input) { address userErrors { message } } }", new { input });
        Assert.Equal(0, data.GetProperty("setReminderMailbox").GetProperty("userErrors").GetArrayLength());
    }

    private static async Task<string> SetMailboxRefused(GraphQLClient admin, object input)
    {
        var data = await admin.QueryAsync("mutation($input: SetReminderMailboxInput!) { setReminderMailbox(input: $input) { address userErrors { message } } }", new { input });
        return data.GetProperty("setReminderMailbox").GetProperty("userErrors")[0].GetProperty("message").GetString()!;
    }

    private Task<CustomHost> StartAsync(string connection, int cases, IReadOnlyDictionary<string, string?> settings) => _hosts.StartAsync(connection, cases, settings);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hosts.DisposeAsync();

    public void Dispose()
    {
        _smtp.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class ReminderTestsOnSqlite() : ReminderTests(DatabaseProvider.Sqlite);

public sealed class ReminderTestsOnPostgres() : ReminderTests(DatabaseProvider.Postgres);

public sealed class ReminderOptionsTests
{
    [Fact]
    public void The_shipped_settings_are_the_defaults_and_a_configured_list_replaces_them()
    {
        var shipped = ReminderOptions.From(new ConfigurationBuilder().AddJsonFile(Path.Combine(RepositoryRoot.Path, "api", "appsettings.json")).Build());
        var defaults = ReminderOptions.From(new ConfigurationBuilder().Build());
        Assert.Equal(defaults, shipped with { DaysBefore = defaults.DaysBefore });
        Assert.Equal([3, 1], shipped.DaysBefore);
        var configured = ReminderOptions.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Reminders:DaysBefore:0"] = "1",
            ["Reminders:DaysBefore:1"] = "5",
        }).Build());
        Assert.Equal([5, 1], configured.DaysBefore);
    }

    [Theory]
    [InlineData(20, 8, 19, false)]
    [InlineData(20, 8, 20, true)]
    [InlineData(20, 8, 2, true)]
    [InlineData(20, 8, 8, false)]
    [InlineData(12, 14, 13, true)]
    [InlineData(12, 14, 14, false)]
    [InlineData(0, 0, 3, false)]
    public void Quiet_hours_may_span_midnight(int from, int until, int hour, bool quiet)
    {
        var options = new ReminderOptions { QuietFromHour = from, QuietUntilHour = until };
        Assert.Equal(quiet, options.IsQuiet(new DateTimeOffset(2026, 11, 2, hour, 30, 0, TimeSpan.FromHours(8))));
    }
}
