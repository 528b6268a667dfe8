using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.Reports;
using PetitionGraph.Api.Reports.Mail;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Reports;

/// <summary>
/// Scheduled reports by e-mail, through a real SMTP server on loopback (aiosmtpd): subscribers receive each run once
/// with its PDF and workbook, also with two instances racing; a report with names goes only to roles that may read
/// them, audited; the administrator hears of a run that failed for good and of a message that could not be delivered.
/// </summary>
public abstract class ReportMailTests(DatabaseProvider provider) : IAsyncLifetime, IDisposable
{
    private readonly CustomHosts _hosts = new(provider);
    private readonly SmtpServer _smtp = new();

    private static readonly Dictionary<string, string> Mailboxes = new() { ["ADMIN"] = "admin@town.example", ["OFFICE"] = "xfb@town.example" };

    [Fact]
    public async Task Each_scheduled_run_is_mailed_once_to_each_subscriber_with_its_pdf_and_workbook()
    {
        var settings = Settings(_smtp.Settings(Mailboxes), ("monthly-overview", "0 6 1 * *", "Month", "Previous"), ("due-list", "0 8 * * 1", "Week", "Current"));
        var connection = await CustomHost.NewDatabaseAsync(provider);
        var first = await StartAsync(connection, 60, settings);
        var second = await StartAsync(connection, 0, settings);
        var admin = first.ClientAs(Role.Admin, "test-admin");

        await Subscribe(admin, "MONTHLY_OVERVIEW", "zhang.analyst@town.example", "ANALYST");
        await Subscribe(admin, "MONTHLY_OVERVIEW", null, "OFFICE");
        await Subscribe(admin, "DUE_LIST", "zhang.analyst@town.example", null);
        // Reports cover every case (accusations against leaders included): never to a LEADER; and only real addresses.
        Assert.Contains("ADMIN, OFFICE or ANALYST", await Refused(admin, "MONTHLY_OVERVIEW", "li.leader@town.example", "LEADER"), StringComparison.Ordinal);
        Assert.Contains("not an e-mail address", await Refused(admin, "MONTHLY_OVERVIEW", "zhang at town", "ANALYST"), StringComparison.Ordinal);
        Assert.Contains("Mail:Mailboxes:ANALYST", await Refused(admin, "MONTHLY_OVERVIEW", null, "ANALYST"), StringComparison.Ordinal);
        Assert.Contains("already receives", await Refused(admin, "MONTHLY_OVERVIEW", "zhang.analyst@town.example", "ANALYST"), StringComparison.Ordinal);
        var forbidden = await first.Client.PostAsync("""mutation { subscribeToReport(input: { report: DUE_LIST, address: "x@town.example" }) { userErrors { message } } }""");
        Assert.Equal(["FORBIDDEN"], forbidden.ErrorCodes);

        // Both instances tick at once, twice: each run is made once and each message sent once.
        for (var round = 0; round < 2; round++)
        {
            await Task.WhenAll(Scheduler(first).TickAsync(CancellationToken.None), Scheduler(second).TickAsync(CancellationToken.None));
        }
        var messages = await _smtp.WaitForAsync(3);
        await Task.Delay(500);
        Assert.Equal(3, _smtp.Messages().Count);

        // Now is 2026-11-01 08:00 office time, a Sunday: last month's report, and the due list of this week (W44) only.
        var monthly = messages.Where(m => m.Message.Subject == "信访工作月报（2026年10月）").ToList();
        Assert.Equal(["xfb@town.example", "zhang.analyst@town.example"], monthly.SelectMany(m => m.Recipients).Order());
        var due = Assert.Single(messages, m => m.Message.Subject == "超期及临期事项清单（2026年第44周）");
        Assert.Equal(["zhang.analyst@town.example"], due.Recipients);

        var message = monthly[0].Message;
        Assert.Equal("reports@town.example", message.From.Mailboxes.Single().Address);
        Assert.Equal(["信访工作月报-2026-10.pdf", "信访工作月报-2026-10.xlsx"], message.Attachments.OfType<MimePart>().Select(a => a.FileName).Order());
        var pdf = Bytes(message.Attachments.OfType<MimePart>().Single(a => a.FileName!.EndsWith(".pdf", StringComparison.Ordinal)));
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        var xlsx = Bytes(message.Attachments.OfType<MimePart>().Single(a => a.FileName!.EndsWith(".xlsx", StringComparison.Ordinal)));
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString(xlsx, 0, 2));
        Assert.Contains("《信访工作月报》（2026年10月）已按计划生成", message.TextBody, StringComparison.Ordinal);
        // The overview lists no petitioners, so it says nothing about personal data (the 台账 does, see below).
        Assert.DoesNotContain("个人信息", message.TextBody, StringComparison.Ordinal);
        // The same bytes as the run's stored files.
        await using (var scope = first.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
            var stored = await db.ReportArtifacts.Where(a => a.FileName == "report.xlsx").Join(db.ReportRuns.Where(r => r.Report == "monthly-overview"), a => a.RunId, r => r.Id, (a, _) => a.Content).SingleAsync();
            Assert.Equal(stored, xlsx);
        }

        // Administrators see where each message stands; others may not see the addresses.
        var runs = await admin.QueryAsync("{ reportRuns(trigger: SCHEDULE) { report period deliveries { kind address status attempts sentAt } } }");
        var deliveries = runs.GetProperty("reportRuns").EnumerateArray().SelectMany(r => r.GetProperty("deliveries").EnumerateArray()
            .Select(d => $"{r.GetProperty("report").GetString()} {r.GetProperty("period").GetString()} {d.GetProperty("address").GetString()} {d.GetProperty("status").GetString()} {d.GetProperty("attempts").GetInt32()}"))
            .Order().ToList();
        Assert.Equal(["due-list 2026-W44 zhang.analyst@town.example SENT 1", "monthly-overview 2026-10 xfb@town.example SENT 1",
            "monthly-overview 2026-10 zhang.analyst@town.example SENT 1"], deliveries);
        var office = await first.Client.PostAsync("{ reportRuns { deliveries { address } } }");
        Assert.Equal(["FORBIDDEN"], office.ErrorCodes);
        var listed = await admin.QueryAsync("{ reportSubscriptions { report address role mailbox } }");
        Assert.Equal(3, listed.GetProperty("reportSubscriptions").GetArrayLength());
        Assert.Contains(listed.GetProperty("reportSubscriptions").EnumerateArray(), s => s.GetProperty("mailbox").GetString() == "xfb@town.example" && s.GetProperty("address").ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task A_report_with_names_is_mailed_only_to_roles_that_may_read_them_and_each_mailing_audited()
    {
        var settings = new Dictionary<string, string?>(Settings(_smtp.Settings(Mailboxes), ("leader-ownership", "0 6 1 * *", "Month", "Previous")))
        {
            ["Reports:ScheduledReaderRole"] = "Office",
        };
        var host = await StartAsync(await CustomHost.NewDatabaseAsync(provider), 60, settings);
        var admin = host.ClientAs(Role.Admin, "test-admin");
        await Subscribe(admin, "LEADER_OWNERSHIP", "zhang.analyst@town.example", "ANALYST");
        await Subscribe(admin, "LEADER_OWNERSHIP", null, "OFFICE");

        await Scheduler(host).TickAsync(CancellationToken.None);
        var received = Assert.Single(await _smtp.WaitForAsync(1));
        Assert.Equal(["xfb@town.example"], received.Recipients);
        Assert.Equal("领导包案情况汇总表（2026年10月）", received.Message.Subject);
        Assert.Contains("含信访人个人信息", received.Message.TextBody, StringComparison.Ordinal);
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
        var audit = await db.AuditEntries.Where(a => a.Action == "MAIL").ToListAsync();
        Assert.Equal("mail:xfb@town.example", Assert.Single(audit).Actor);
        Assert.Equal("OFFICE", audit[0].Role);
        // The analyst's subscription made no message at all (not a masked copy): nothing queued for it.
        Assert.Equal(["xfb@town.example"], await db.ReportDeliveries.Select(d => d.Address).ToListAsync());
    }

    [Fact]
    public async Task The_administrator_is_told_when_a_run_fails_for_good_and_when_a_report_cannot_be_delivered()
    {
        // Campaign progress needs a campaign; this database has none, so its one attempt fails for good.
        var settings = new Dictionary<string, string?>(Settings(_smtp.Settings(Mailboxes),
            ("campaign-progress", "0 6 1 * *", "Month", "Previous"), ("monthly-overview", "0 6 1 * *", "Month", "Previous")))
        {
            ["Reports:MaxAttempts"] = "1",
            ["Mail:MaxAttempts"] = "2",
            ["Mail:RetrySeconds"] = "60",
        };
        var host = await StartAsync(await CustomHost.NewDatabaseAsync(provider), 30, settings);
        var admin = host.ClientAs(Role.Admin, "test-admin");
        await Subscribe(admin, "MONTHLY_OVERVIEW", "moved.away.reject@town.example", "ANALYST");
        await Subscribe(admin, "CAMPAIGN_PROGRESS", "zhang.analyst@town.example", "ANALYST");

        await Scheduler(host).TickAsync(CancellationToken.None);
        var failed = Assert.Single(await _smtp.WaitForAsync(1));
        Assert.Equal(["admin@town.example"], failed.Recipients);
        Assert.Equal("报表生成失败：专项行动进展（2026年10月）", failed.Message.Subject);
        Assert.Contains("campaign", failed.Message.TextBody, StringComparison.Ordinal);

        // The refused recipient: retried after a minute, then given up and the administrator told (once).
        host.Clock.Now = host.Clock.Now.AddSeconds(61);
        await Scheduler(host).TickAsync(CancellationToken.None);
        await Scheduler(host).TickAsync(CancellationToken.None);
        var messages = await _smtp.WaitForAsync(2);
        Assert.Equal(2, messages.Count);
        Assert.Equal("报表邮件未能送达：信访工作月报（2026年10月）", messages[1].Message.Subject);
        Assert.Contains("moved.away.reject@town.example", messages[1].Message.TextBody, StringComparison.Ordinal);
        Assert.Contains("550", messages[1].Message.TextBody, StringComparison.Ordinal);
        var runs = await admin.QueryAsync("{ reportRuns(report: \"monthly-overview\") { deliveries { kind address status attempts error } } }");
        var report = runs.GetProperty("reportRuns")[0].GetProperty("deliveries").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "REPORT");
        Assert.Equal("FAILED", report.GetProperty("status").GetString());
        Assert.Equal(2, report.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task Runs_older_than_the_retention_window_are_deleted_with_their_files_and_messages()
    {
        var settings = new Dictionary<string, string?>(Settings(_smtp.Settings(Mailboxes), ("monthly-overview", "0 6 1 * *", "Month", "Previous")))
        {
            ["Reports:CatchUpDays"] = "10",
        };
        var host = await StartAsync(await CustomHost.NewDatabaseAsync(provider), 20, settings);
        int oldRun;
        await using (var scope = host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
            var created = host.Clock.Now.UtcDateTime.AddMonths(-25);
            var old = new ReportRun
            {
                Report = "monthly-overview",
                Period = "2024-09",
                Trigger = ReportTrigger.Schedule,
                ScheduleKey = "monthly-overview/2024-09",
                Status = ReportRunStatus.Succeeded,
                ReaderRole = "ANALYST",
                RequestedBy = "schedule",
                CreatedAt = created,
                NextAttemptAt = created,
                Artifacts = [new ReportArtifact { FileName = "report.html", ContentType = "text/html", Size = 2, Content = [1, 2] }],
            };
            var kept = new ReportRun
            {
                Report = "monthly-overview",
                Period = "2025-01",
                Trigger = ReportTrigger.OnDemand,
                Status = ReportRunStatus.Succeeded,
                ReaderRole = "ANALYST",
                RequestedBy = "test-office",
                CreatedAt = host.Clock.Now.UtcDateTime.AddMonths(-23),
                NextAttemptAt = created,
            };
            db.ReportRuns.AddRange(old, kept);
            await db.SaveChangesAsync();
            db.ReportDeliveries.Add(new ReportDelivery { RunId = old.Id, Kind = DeliveryKind.Report, Address = "a@town.example", Status = DeliveryStatus.Sent, CreatedAt = created, NextAttemptAt = created });
            await db.SaveChangesAsync();
            oldRun = old.Id;
        }

        await Scheduler(host).TickAsync(CancellationToken.None);
        await using (var scope = host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
            Assert.Equal(["2025-01", "2026-10"], await db.ReportRuns.OrderBy(r => r.Period).Select(r => r.Period).ToListAsync());
            Assert.False(await db.ReportArtifacts.AnyAsync(a => a.RunId == oldRun));
            Assert.False(await db.ReportDeliveries.AnyAsync(d => d.RunId == oldRun));
        }
    }

    [Fact]
    public void The_office_default_schedules_are_the_monthly_report_the_ledger_and_the_weekly_due_list()
    {
        // As shipped: api/appsettings.json (whose list replaces the built-in one) and the built-in defaults agree.
        var shipped = ReportOptions.From(new ConfigurationBuilder().AddJsonFile(Path.Combine(RepositoryRoot.Path, "api", "appsettings.json")).Build());
        Assert.Equal(ReportOptions.From(new ConfigurationBuilder().Build()).Schedules, shipped.Schedules);
        var options = shipped;
        Assert.Equal(["monthly-overview 0 6 1 * * Month Previous", "leader-ownership 0 6 1 * * Month Previous", "due-list 0 8 * * 1 Week Current"],
            options.Schedules.Select(s => $"{s.Report} {s.Cron} {s.Period} {s.Covers}"));
        Assert.Equal(24, options.RetentionMonths);
    }

    private static byte[] Bytes(MimePart part)
    {
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return stream.ToArray();
    }

    private static async Task Subscribe(GraphQLClient admin, string report, string? address, string? role)
    {
        var data = await admin.QueryAsync(
            "mutation($input: SubscribeToReportInput!) { subscribeToReport(input: $input) { subscription { id } userErrors { message } } }",
            new { input = new { report, address, role } });
        Assert.Equal(0, data.GetProperty("subscribeToReport").GetProperty("userErrors").GetArrayLength());
    }

    private static async Task<string> Refused(GraphQLClient admin, string report, string? address, string? role)
    {
        var data = await admin.QueryAsync(
            "mutation($input: SubscribeToReportInput!) { subscribeToReport(input: $input) { subscription { id } userErrors { message } } }",
            new { input = new { report, address, role } });
        Assert.Equal(JsonValueKind.Null, data.GetProperty("subscribeToReport").GetProperty("subscription").ValueKind);
        return data.GetProperty("subscribeToReport").GetProperty("userErrors")[0].GetProperty("message").GetString()!;
    }

    private static Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string?> mail, params (string Report, string Cron, string Period, string Covers)[] schedules)
    {
        var settings = new Dictionary<string, string?>(mail)
        {
            ["Reports:SchedulerEnabled"] = "false",
            ["Reports:CatchUpDays"] = "20",
        };
        for (var i = 0; i < schedules.Length; i++)
        {
            settings[$"Reports:Schedules:{i}:Report"] = schedules[i].Report;
            settings[$"Reports:Schedules:{i}:Cron"] = schedules[i].Cron;
            settings[$"Reports:Schedules:{i}:Period"] = schedules[i].Period;
            settings[$"Reports:Schedules:{i}:Covers"] = schedules[i].Covers;
        }
        return settings;
    }

    private Task<CustomHost> StartAsync(string connection, int cases, IReadOnlyDictionary<string, string?> settings) => _hosts.StartAsync(connection, cases, settings);

    private static ReportScheduler Scheduler(TestHost host) => host.Services.GetRequiredService<ReportScheduler>();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hosts.DisposeAsync();

    public void Dispose()
    {
        _smtp.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class ReportMailTestsOnSqlite() : ReportMailTests(DatabaseProvider.Sqlite);

public sealed class ReportMailTestsOnPostgres() : ReportMailTests(DatabaseProvider.Postgres);
