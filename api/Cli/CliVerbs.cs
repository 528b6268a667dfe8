using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.Language;
using PetitionGraph.Api.Seeding;

using PetitionGraph.Reporting.Kinds;

namespace PetitionGraph.Api.Cli;

/// <summary>
/// <c>dotnet run --project api -- VERB</c>. With no verb the web host runs. Verbs use the same services (and so the same
/// database) as the host. Exit status: 0 done, 1 the work failed (a ledger with problems, a report that cannot be made),
/// 2 the command line is wrong (an unknown verb or option, a malformed value). Paths are relative to the directory
/// the command is run from.
/// </summary>
public static class CliVerbs
{
    private static readonly string Roles = string.Join(", ", Enum.GetValues<Role>().Select(r => EnumNames.Name(r)));

    public static IReadOnlyList<CliVerb> All { get; } =
    [
        new("migrate", "migrate", new("应用数据库迁移", "apply database migrations"), new Dictionary<string, Msg>(), MigrateAsync),
        new("seed", "seed --cases N [--random-seed S]", new("添加 N 件合成案件（同一种子生成相同案件），显示进度", "add N synthetic cases, the same ones for the same seed, with progress"),
            new Dictionary<string, Msg>
            {
                ["cases"] = new("添加多少件（1 到 10,000,000）；必填", "how many cases to add (1 to 10,000,000); required"),
                ["random-seed"] = new("生成器的种子（默认 42）", "the generator's seed (default 42)"),
            },
            SeedAsync),
        new("schema", "schema", new("打印 GraphQL 模式（SDL）", "print the GraphQL schema (SDL)"), new Dictionary<string, Msg>(), SchemaAsync),
        new("import", "import FILE.xlsx|FILE.csv [--kind ownership|cases] [--dry-run]",
            new("导入台账：全部行导入或一行都不导入；逐行逐列列出每个问题", "import a ledger: all rows or none; every problem by row and column"),
            new Dictionary<string, Msg>
            {
                ["kind"] = new("ownership（领导包案情况汇总表）或 cases（案件台账）；不填时按表头判断",
                    "ownership (领导包案情况汇总表) or cases (case ledger); found from the header when left out"),
                ["dry-run"] = new("只检查并报告，不写入", "check and report, write nothing"),
            },
            LedgerVerbs.ImportAsync),
        new("export", "export --kind ownership|cases --out FILE.xlsx|FILE.csv [--where JSON]",
            new("导出 `where` 选中案件的台账（默认：当前积案）", "write a ledger for the cases `where` selects (default: in backlog now)"),
            new Dictionary<string, Msg>
            {
                ["kind"] = new("ownership 或 cases；必填", "ownership or cases; required"),
                ["out"] = new("要写入的文件（.xlsx 或 .csv）；必填", "the file to write (.xlsx or .csv); required"),
                ["format"] = new("xlsx 或 csv（默认按 --out 的扩展名）", "xlsx or csv (default: from --out)"),
                ["where"] = new("cases 查询的筛选条件（JSON）", "the cases query's filter as JSON"),
            },
            LedgerVerbs.ExportAsync),
        new("purge", "purge [--resolved-before DATE] [--dry-run]", new("对所有案件都在 DATE 之前化解或终结的信访人做匿名处理", "anonymise petitioners whose cases were all settled before DATE"),
            new Dictionary<string, Msg>
            {
                ["resolved-before"] = new("办公时区的日期（默认：今天之前 Retention:ResolvedYears 年，即 5 年）", "a date in office time (default: Retention:ResolvedYears, 5, before today)"),
                ["dry-run"] = new("只统计，不更改", "count, change nothing"),
            },
            PurgeVerb.RunAsync),
        new("token", "token --role ROLE [--user NAME] [--leader ID] [--villages CODE,…] [--unit CODE] [--hours N]", new("打印一个签名令牌", "print a signed token"),
            new Dictionary<string, Msg>
            {
                ["role"] = new($"{Roles} 之一；必填", $"one of {Roles}; required"),
                ["user"] = new("令牌的主体（默认与演示令牌相同：demo-office、demo-analyst …）", "the token's subject (default: demo-office, demo-analyst, … as the demo tokens)"),
                ["leader"] = new("账号所属领导的编号（控告该领导的案件对其不可见）", "the leader id the account belongs to (hides cases that accuse that leader)"),
                ["villages"] = new("VILLAGE_HANDLER：账号负责的村（社区）代码，逗号分隔", "VILLAGE_HANDLER: the village codes the account serves, comma-separated"),
                ["unit"] = new("UNIT：责任单位代码（UNIT 必填）", "UNIT: the responsible unit's code (required for UNIT)"),
                ["hours"] = new("有效时长（默认 12 小时）", "lifetime (default 12)"),
            },
            TokenVerb.RunAsync),
        new("report", "report NAME --period P [--out DIR] [--role ROLE]", new("生成报表（HTML、图表、XLSX、PDF）到 DIR，并保存运行记录", "generate a report (HTML, charts, XLSX, PDF) into DIR and store its run"),
            new Dictionary<string, Msg>
            {
                ["period"] = new("2026-05、2026-Q2、2026、2026-W18 或 2026-05-03；必填", "2026-05, 2026-Q2, 2026, 2026-W18 or 2026-05-03; required"),
                ["out"] = new("写入的文件夹（默认 data/reports）", "the folder to write into (default: data/reports)"),
                ["role"] = new($"以哪个角色的视角：{Roles}（默认 OFFICE）", $"whose view: {Roles} (default OFFICE)"),
            },
            ReportVerb.RunAsync),
        new("help", "help [VERB]", new("本帮助，或某个命令的帮助", "this help, or one verb's"), new Dictionary<string, Msg>(), (_, args, output, _) => HelpAsync(args, output)),
    ];

    /// <summary>Accepted by every verb: the language of what the command prints.</summary>
    private static readonly Msg LangOption = new("输出语言：zh（默认）或 en；也可设环境变量 PETITIONGRAPH_LANG", "the language printed: zh (default) or en; or set PETITIONGRAPH_LANG");

    /// <summary>A verb reports in its own words; the log adds only warnings, and no SQL or stack traces.</summary>
    public static void QuietLogs(WebApplicationBuilder builder) =>
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "None",
            ["Logging:LogLevel:PetitionGraph.Api.GraphQL.PetitionSchema"] = "None",
        });

    public static async Task<int> RunAsync(IServiceProvider services, CliArguments args, TextWriter output, CancellationToken ct)
    {
        if (await AnswerWithoutServicesAsync(args, output) is { } exit)
        {
            return exit;
        }
        var verb = Find(args.Verb!)!;
        try
        {
            await using var scope = services.CreateAsyncScope();
            return await verb.Run(scope.ServiceProvider, args, output, ct);
        }
        catch (CliUsageException e)
        {
            await output.WriteLineAsync(args.Say(e.Text));
            return 2;
        }
    }

    /// <summary>
    /// What the command line alone answers — an unknown verb or option (exit 2), help (exit 0) — before the host is
    /// built: a typo is answered at once, without settings or a database. Null when the verb has work to do.
    /// </summary>
    public static async Task<int?> AnswerWithoutServicesAsync(CliArguments args, TextWriter output)
    {
        if (Find(args.Verb!) is not { } verb)
        {
            await output.WriteLineAsync(args.Say(new($"未知命令“{args.Verb}”。可用命令：{string.Join("、", All.Select(v => v.Name))}；`--help` 查看说明。",
                $"Unknown verb '{args.Verb}'. Verbs: {string.Join(", ", All.Select(v => v.Name))}; `--help` describes them.")));
            return 2;
        }
        if (args.WantsHelp && verb.Name != "help")
        {
            await output.WriteAsync(VerbHelp(verb, args.Lang));
            return 0;
        }
        if (args.OptionNames.FirstOrDefault(o => !verb.Options.ContainsKey(o) && o is not ("help" or "lang")) is { } unknown)
        {
            await output.WriteLineAsync(args.Say(new($"{verb.Name} 没有 --{unknown} 选项。用法：{verb.Usage}", $"{verb.Name} has no option --{unknown}. Usage: {verb.Usage}")));
            return 2;
        }
        return verb.Name == "help" ? await HelpAsync(args, output) : null;
    }

    private static CliVerb? Find(string name) => All.FirstOrDefault(v => v.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    private static async Task<int> MigrateAsync(IServiceProvider services, CliArguments args, TextWriter output, CancellationToken ct)
    {
        await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
        await output.WriteLineAsync(args.Say(new("数据库迁移已应用。", "Migrations applied.")));
        return 0;
    }

    private static async Task<int> SeedAsync(IServiceProvider services, CliArguments args, TextWriter output, CancellationToken ct)
    {
        if (!args.Has("cases"))
        {
            throw new CliUsageException(new("seed 需要 --cases N：要添加多少件合成案件（演示数据为 3,000 件）。", "seed needs --cases N: how many synthetic cases to add (the demo set is 3,000)."));
        }
        var options = new SeedOptions(args.GetInt("cases", 0, 1, 10_000_000), args.GetInt("random-seed", 42));
        await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
        var db = services.GetRequiredService<PetitionDbContext>();
        var result = await new Seeder(db).SeedAsync(options, new ConsoleProgress(output, args.Lang), ct);
        // Synthetic cases land in the past, closed periods included (seeding is for demos and benchmarks, not an
        // office's records): figures rolled up before no longer hold.
        await db.FigureRollups.ExecuteDeleteAsync(ct);
        await output.WriteLineAsync(args.Say(new($"已生成 {result.CasesWritten:N0} 件案件（{result.RowsWritten:N0} 行），用时 {ElapsedText.Seconds(result.Elapsed.TotalSeconds)} 秒。",
            $"Seeded {result.CasesWritten:N0} cases ({result.RowsWritten:N0} rows) in {ElapsedText.Seconds(result.Elapsed.TotalSeconds)} s.")));
        return 0;
    }

    private static async Task<int> SchemaAsync(IServiceProvider services, CliArguments args, TextWriter output, CancellationToken ct)
    {
        await output.WriteAsync(SchemaPrinter.Print(services.GetRequiredService<PetitionSchema>()));
        return 0;
    }

    private static async Task<int> HelpAsync(CliArguments args, TextWriter output)
    {
        if (args.Positional.Count > 0)
        {
            if (Find(args.Positional[0]) is not { } verb)
            {
                await output.WriteLineAsync(args.Say(new($"未知命令“{args.Positional[0]}”。可用命令：{string.Join("、", All.Select(v => v.Name))}。",
                    $"Unknown verb '{args.Positional[0]}'. Verbs: {string.Join(", ", All.Select(v => v.Name))}.")));
                return 2;
            }
            await output.WriteAsync(VerbHelp(verb, args.Lang));
            return 0;
        }
        await output.WriteAsync(Overview(args.Lang));
        return 0;
    }

    public static string Overview(Lang lang)
    {
        var zh = lang == Lang.Zh;
        var text = new System.Text.StringBuilder(zh
            ? """
            用法：dotnet run --project api -- [命令] [选项]
              （不带命令）         运行 GraphQL 服务（自动迁移；演示模式下向空数据库载入演示数据）
                                   主机选项，例如 --urls http://127.0.0.1:5081 选择端口

            """
            : """
            Usage: dotnet run --project api -- [VERB] [OPTIONS]
              (no verb)            run the GraphQL service (migrates; in demo mode loads demo data into an empty database)
                                   options of the host, e.g. --urls http://127.0.0.1:5081 to choose the port

            """);
        foreach (var verb in All)
        {
            text.Append("  ").Append(verb.Usage).Append('\n').Append("      ").Append(verb.Summary.In(lang)).Append('\n');
        }
        var reports = string.Join(", ", ReportDefinitions.All.Select(d => d.Name));
        text.Append(zh
            ? $"""

            角色（token --role、report --role）：{Roles}。
            报表：{reports}。
            路径相对于运行命令时所在的目录。`命令 --help` 查看该命令的选项；--lang en 以英文输出（或设 PETITIONGRAPH_LANG=en）。
            数据库：SQLite data/petitiongraph.db；设置 ConnectionStrings__Postgres 时用 PostgreSQL。
            退出码：0 完成，1 工作失败，2 命令行有误。

            """
            : $"""

            Roles (token --role, report --role): {Roles}.
            Reports: {reports}.
            Paths are relative to the directory you run the command from. `VERB --help` describes a verb's options; --lang zh prints Chinese (the default).
            Database: SQLite data/petitiongraph.db, or PostgreSQL when ConnectionStrings__Postgres is set.
            Exit status: 0 done, 1 the work failed, 2 the command line is wrong.

            """);
        return text.ToString();
    }

    public static string VerbHelp(CliVerb verb, Lang lang)
    {
        var text = new System.Text.StringBuilder(lang == Lang.Zh ? "用法：" : "Usage: ").Append($"dotnet run --project api -- {verb.Usage}\n  {verb.Summary.In(lang)}\n");
        foreach (var (name, description) in verb.Options.Append(KeyValuePair.Create("lang", LangOption)))
        {
            text.Append($"  --{name,-16} {description.In(lang)}\n");
        }
        return text.ToString();
    }

    private sealed class ConsoleProgress(TextWriter output, Lang lang) : IProgress<SeedProgress>
    {
        public void Report(SeedProgress value)
        {
            var rate = value.RowsWritten / Math.Max(0.001, value.Elapsed.TotalSeconds);
            var share = 100.0 * value.CasesWritten / value.CasesTotal;
            output.WriteLine(new Msg($"  {value.CasesWritten,10:N0} / {value.CasesTotal:N0} 件（{share:F0}%）· {value.RowsWritten:N0} 行 · 每秒 {rate:N0} 行",
                $"  {value.CasesWritten,10:N0} / {value.CasesTotal:N0} cases ({share:F0}%) · {value.RowsWritten:N0} rows · {rate:N0} rows/s").In(lang));
        }
    }
}
