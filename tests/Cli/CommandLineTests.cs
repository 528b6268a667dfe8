using System.Globalization;
using System.Text.RegularExpressions;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Data;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Cli;

/// <summary>The command line behaves like one: help exits 0, a wrong command line exits 2 with one line, never a stack trace.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task Help_lists_every_verb_and_every_role_and_exits_0(string flag)
    {
        using var folder = new TempFolder();
        var run = await ApiProcess.RunAsync(folder.Path, null, flag);
        Assert.Equal(0, run.ExitCode);
        foreach (var verb in new[] { "migrate", "seed", "schema", "import", "export", "purge", "token", "report" })
        {
            Assert.Contains("  " + verb, run.Output, StringComparison.Ordinal);
        }
        foreach (var role in Enum.GetValues<Role>())
        {
            Assert.Contains(EnumNames.Name(role), run.Output, StringComparison.Ordinal);
        }
        Assert.Contains("--urls", run.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "data")), "help must not start the service or touch a database");
    }

    [Theory]
    [InlineData("seed", "--cases")]
    [InlineData("token", "--role")]
    [InlineData("report", "--period")]
    public async Task A_verbs_help_names_its_options_and_exits_0(string verb, string option)
    {
        using var folder = new TempFolder();
        var run = await ApiProcess.RunAsync(folder.Path, null, verb, "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(option, run.Output, StringComparison.Ordinal);
    }

    /// <summary>In the office's language by default, in English with PETITIONGRAPH_LANG=en (or --lang en).</summary>
    [Theory]
    [InlineData(new[] { "frobnicate" }, "未知命令“frobnicate”", "Unknown verb 'frobnicate'")]
    [InlineData(new[] { "seed", "--cases", "abc" }, "--cases 须为整数，收到的是“abc”。", "--cases takes a whole number; got 'abc'.")]
    [InlineData(new[] { "seed", "--cases", "0" }, "--cases 须在 1 到 10,000,000 之间", "--cases must be between 1 and 10,000,000")]
    [InlineData(new[] { "seed" }, "seed 需要 --cases N", "seed needs --cases N")]
    [InlineData(new[] { "seed", "--case", "5" }, "seed 没有 --case 选项", "seed has no option --case")]
    [InlineData(new[] { "token", "--role", "KING" }, "--role 须为以下之一：ADMIN, OFFICE, VILLAGE_HANDLER, LEADER, ANALYST, INTEGRATION",
        "--role must be one of ADMIN, OFFICE, VILLAGE_HANDLER, LEADER, ANALYST, INTEGRATION")]
    [InlineData(new[] { "token", "--role", "ANALYST", "--hours", "x" }, "--hours 须为整数", "--hours takes a whole number")]
    [InlineData(new[] { "report", "monthly-overview", "--period", "May" }, "--period “May”不是期间", "--period 'May' is not a period")]
    [InlineData(new[] { "export", "--kind", "ownership" }, "export 需要 --out", "export needs --out")]
    [InlineData(new[] { "import" }, "import 需要台账文件", "import needs the ledger file")]
    public async Task A_wrong_command_line_prints_one_line_and_exits_2(string[] args, string chinese, string english)
    {
        using var folder = new TempFolder();
        foreach (var (lang, message) in new[] { ((string?)null, chinese), ("en", english) })
        {
            var environment = new Dictionary<string, string> { ["Auth__SigningKey"] = TestHost.SigningKey };
            if (lang is not null)
            {
                environment["PETITIONGRAPH_LANG"] = lang;
            }
            var run = await ApiProcess.RunAsync(folder.Path, environment, args);
            Assert.Equal(2, run.ExitCode);
            Assert.Contains(message, run.All, StringComparison.Ordinal);
            Assert.Single(run.All.Trim().Split('\n'));
            Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// A typo or a request for help is answered from the command line alone, before the service is configured: with a
    /// setting that would stop the service from starting, `seed --case 5` still names the wrong option and help still
    /// prints (both used to report the setting instead, exit 1).
    /// </summary>
    [Theory]
    [InlineData(new[] { "seed", "--case", "5" }, 2, "seed 没有 --case 选项")]
    [InlineData(new[] { "nope" }, 2, "未知命令“nope”")]
    [InlineData(new[] { "report", "--help" }, 0, "--period")]
    [InlineData(new[] { "help", "import" }, 0, "--dry-run")]
    [InlineData(new[] { "help", "nope" }, 2, "未知命令“nope”")]
    public async Task Usage_mistakes_and_help_are_answered_without_starting_anything(string[] args, int exit, string expected)
    {
        using var folder = new TempFolder();
        var broken = new Dictionary<string, string> { ["Demo__Enabled"] = "true", ["Demo__Now"] = "not-an-instant" };
        var run = await ApiProcess.RunAsync(folder.Path, broken, args);
        Assert.True(run.ExitCode == exit, run.All);
        Assert.Contains(expected, run.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Demo:Now", run.All, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "data")), "nothing is created for a usage answer");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Relative_paths_are_the_callers_and_a_missing_file_is_named_in_full(DatabaseProvider provider)
    {
        using var folder = new TempFolder();
        var database = provider == DatabaseProvider.Postgres
            ? new Dictionary<string, string> { ["ConnectionStrings__Postgres"] = await PostgresServer.CreateDatabaseAsync("pg_cli") }
            : null;
        var run = await ApiProcess.RunAsync(folder.Path, database, "import", Path.Combine("sheets", "汇总表.xlsx"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(Path.Combine(folder.Path, "sheets", "汇总表.xlsx") + " 不存在", run.All, StringComparison.Ordinal);

        var exported = await ApiProcess.RunAsync(folder.Path, database, "export", "--kind", "cases", "--out", "ledger.csv");
        Assert.Equal(0, exported.ExitCode);
        Assert.True(File.Exists(Path.Combine(folder.Path, "ledger.csv")), exported.All);
        Assert.Equal(provider == DatabaseProvider.Sqlite, File.Exists(Path.Combine(folder.Path, "data", "petitiongraph.db")));
    }

    /// <summary>A report from the command line writes its PDF (drawn in the command's own process) and says in one line what it wrote.</summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_report_from_the_command_line_writes_its_pdf_and_one_line(DatabaseProvider provider)
    {
        using var folder = new TempFolder();
        var database = provider == DatabaseProvider.Postgres
            ? new Dictionary<string, string> { ["ConnectionStrings__Postgres"] = await PostgresServer.CreateDatabaseAsync("pg_cli_report") }
            : null;
        // Cases first, so that the report's charts draw data.
        var seed = await ApiProcess.RunAsync(folder.Path, database, "seed", "--cases", "300");
        Assert.True(seed.ExitCode == 0, seed.All);
        // In demo mode, whose office clock stands still: the time printed is measured, not read from that clock (it said "0.0 秒").
        var demo = new Dictionary<string, string>(database ?? []) { ["Demo__Enabled"] = "true" };
        var run = await ApiProcess.RunAsync(folder.Path, demo, "report", "monthly-overview", "--period", "2026-10", "--out", "out");
        Assert.True(run.ExitCode == 0, run.All);
        Assert.Equal("%PDF-"u8.ToArray(), File.ReadAllBytes(Path.Combine(folder.Path, "out", "report.pdf"))[..5]);
        // Its output is the one line that says what it wrote, nothing else.
        var line = Assert.Single(Regex.Matches(run.Output, @"^信访工作月报 2026年10月：\d+ 个文件，位于 .*（运行 \d+，([\d.]+) 秒）。\s*$"));
        Assert.True(double.Parse(line.Groups[1].Value, CultureInfo.InvariantCulture) > 0, run.Output);
    }

    [Fact]
    public async Task Outside_demo_mode_the_service_without_a_key_exits_1_saying_what_to_set()
    {
        using var folder = new TempFolder();
        var run = await ApiProcess.RunAsync(folder.Path, new Dictionary<string, string> { ["Urls"] = "http://127.0.0.1:0" });
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Auth:SigningKey", run.Error, StringComparison.Ordinal);
        Assert.Contains("ASPNETCORE_ENVIRONMENT=Development", run.Error, StringComparison.Ordinal);
        // In the office's language (PETITIONGRAPH_LANG=en for English), as the rest of the command line.
        Assert.Contains("未配置令牌校验方式", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder.Path, "data", "dev-signing-key")));
    }
}

/// <summary>A newcomer's first start: where the service is, and nothing alarming on the way.</summary>
public sealed class FirstStartTests
{
    [Fact]
    public async Task The_first_start_names_the_GraphQL_URL_prints_no_warning_and_answers_at_the_root()
    {
        using var folder = new TempFolder();
        var info = new System.Diagnostics.ProcessStartInfo("dotnet") { WorkingDirectory = folder.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PetitionGraph.Api.dll"));
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["Urls"] = "http://127.0.0.1:0";
        info.Environment["Seed__DemoCases"] = "30";
        info.Environment["Startup__WarmUp"] = "false";
        using var process = System.Diagnostics.Process.Start(info)!;
        var log = new System.Text.StringBuilder();
        string? url = null;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            while (url is null && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                log.AppendLine(line);
                var match = System.Text.RegularExpressions.Regex.Match(line, @"GraphQL endpoint: (http://127\.0\.0\.1:\d+/graphql)");
                url = match.Success ? match.Groups[1].Value : null;
            }
            Assert.True(url is not null, log.ToString());
            Assert.DoesNotContain("warn:", log.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("fail:", log.ToString(), StringComparison.Ordinal);
            Assert.Contains("Development tokens", log.ToString(), StringComparison.Ordinal);

            using var http = new HttpClient();
            var root = url[..^"/graphql".Length];
            var json = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(new Uri(root + "/")));
            Assert.Equal(url, json.RootElement.GetProperty("links").GetProperty("graphql").GetString());
            using var page = new HttpRequestMessage(HttpMethod.Get, root + "/");
            page.Headers.Accept.ParseAdd("text/html");
            var html = await (await http.SendAsync(page)).Content.ReadAsStringAsync();
            // Not signed in, a browser gets the sign-in page, which still says where the API is.
            Assert.Contains($"<a href=\"{url}\">", html, StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
