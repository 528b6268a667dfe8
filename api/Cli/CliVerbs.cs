using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL;
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
        new("migrate", "migrate", "apply database migrations", new Dictionary<string, string>(), MigrateAsync),
        new("seed", "seed --cases N [--random-seed S]", "add N synthetic cases, the same ones for the same seed, with progress",
            new Dictionary<string, string> { ["cases"] = "how many cases to add (1 to 10,000,000); required", ["random-seed"] = "the generator's seed (default 42)" },
            SeedAsync),
        new("schema", "schema", "print the GraphQL schema (SDL)", new Dictionary<string, string>(), SchemaAsync),
        new("import", "import FILE.xlsx|FILE.csv [--kind ownership|cases] [--dry-run]",
            "import a ledger: all rows or none; every problem by row and column",
            new Dictionary<string, string> { ["kind"] = "ownership (领导包案情况汇总表) or cases (case ledger); found from the header when left out", ["dry-run"] = "check and report, write nothing" },
            LedgerVerbs.ImportAsync),
        new("export", "export --kind ownership|cases --out FILE.xlsx|FILE.csv [--where JSON]",
            "write a ledger for the cases `where` selects (default: in backlog now)",
            new Dictionary<string, string> { ["kind"] = "ownership or cases; required", ["out"] = "the file to write (.xlsx or .csv); required", ["format"] = "xlsx or csv (default: from --out)", ["where"] = "the cases query's filter as JSON" },
            LedgerVerbs.ExportAsync),
        new("purge", "purge [--resolved-before DATE] [--dry-run]", "anonymise petitioners whose cases were all settled before DATE",
            new Dictionary<string, string> { ["resolved-before"] = "a date in office time (default: Retention:ResolvedYears, 5, before today)", ["dry-run"] = "count, change nothing" },
            PurgeVerb.RunAsync),
        new("token", "token --role ROLE [--user NAME] [--leader ID] [--villages CODE,…] [--unit CODE] [--hours N]", "print a signed token",
            new Dictionary<string, string>
            {
                ["role"] = $"one of {Roles}; required",
                ["user"] = "the token's subject (default: demo-office, demo-analyst, … as the demo tokens)",
                ["leader"] = "the leader id the account belongs to (hides cases that accuse that leader)",
                ["villages"] = "VILLAGE_HANDLER: the village codes the account serves, comma-separated",
                ["unit"] = "UNIT: the responsible unit's code (required for UNIT)",
                ["hours"] = "lifetime (default 12)",
            },
            TokenVerb.RunAsync),
        new("report", "report NAME --period P [--out DIR] [--role ROLE]", "generate a report (HTML, charts, XLSX) into DIR and store its run",
            new Dictionary<string, string>
            {
                ["period"] = "2026-05, 2026-Q2, 2026, 2026-W18 or 2026-05-03; required",
                ["out"] = "the folder to write into (default: data/reports)",
                ["role"] = $"whose view: {Roles} (default OFFICE)",
            },
            ReportVerb.RunAsync),
        new("help", "help [VERB]", "this help, or one verb's", new Dictionary<string, string>(), HelpAsync),
    ];

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
        var verb = All.FirstOrDefault(v => v.Name.Equals(args.Verb, StringComparison.OrdinalIgnoreCase));
        if (verb is null)
        {
            await output.WriteLineAsync($"Unknown verb '{args.Verb}'. Verbs: {string.Join(", ", All.Select(v => v.Name))}; `--help` describes them.");
            return 2;
        }
        if (args.WantsHelp && verb.Name != "help")
        {
            await output.WriteAsync(VerbHelp(verb));
            return 0;
        }
        try
        {
            if (args.OptionNames.FirstOrDefault(o => !verb.Options.ContainsKey(o) && o != "help") is { } unknown)
            {
                throw new CliUsageException($"{verb.Name} has no option --{unknown}. Usage: {verb.Usage}");
            }
            await using var scope = services.CreateAsyncScope();
            return await verb.Run(scope.ServiceProvider, args, output, ct);
        }
        catch (CliUsageException e)
        {
            await output.WriteLineAsync(e.Message);
            return 2;
        }
    }

    private static async Task<int> MigrateAsync(IServiceProvider services, CliArguments args, TextWriter output, CancellationToken ct)
    {
        await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
        await output.WriteLineAsync("Migrations applied.");
        return 0;
    }

    private static async Task<int> SeedAsync(IServiceProvider services, CliArguments args, TextWriter output, CancellationToken ct)
    {
        if (!args.Has("cases"))
        {
            throw new CliUsageException("seed needs --cases N: how many synthetic cases to add (the demo set is 3,000).");
        }
        var options = new SeedOptions(args.GetInt("cases", 0, 1, 10_000_000), args.GetInt("random-seed", 42));
        await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
        var db = services.GetRequiredService<PetitionDbContext>();
        var result = await new Seeder(db).SeedAsync(options, new ConsoleProgress(output), ct);
        // Synthetic cases land in the past, closed periods included (seeding is for demos and benchmarks, not an
        // office's records): figures rolled up before no longer hold.
        await db.FigureRollups.ExecuteDeleteAsync(ct);
        await output.WriteLineAsync($"Seeded {result.CasesWritten:N0} cases ({result.RowsWritten:N0} rows) in {result.Elapsed.TotalSeconds:F1} s.");
        return 0;
    }

    private static async Task<int> SchemaAsync(IServiceProvider services, CliArguments args, TextWriter output, CancellationToken ct)
    {
        await output.WriteAsync(SchemaPrinter.Print(services.GetRequiredService<PetitionSchema>()));
        return 0;
    }

    private static async Task<int> HelpAsync(IServiceProvider services, CliArguments args, TextWriter output, CancellationToken ct)
    {
        if (args.Positional.Count > 0)
        {
            var verb = All.FirstOrDefault(v => v.Name.Equals(args.Positional[0], StringComparison.OrdinalIgnoreCase))
                ?? throw new CliUsageException($"Unknown verb '{args.Positional[0]}'. Verbs: {string.Join(", ", All.Select(v => v.Name))}.");
            await output.WriteAsync(VerbHelp(verb));
            return 0;
        }
        await output.WriteAsync(Overview());
        return 0;
    }

    public static string Overview()
    {
        var text = new System.Text.StringBuilder("""
            Usage: dotnet run --project api -- [VERB] [OPTIONS]
              (no verb)            run the GraphQL service (migrates; in demo mode loads demo data into an empty database)
                                   options of the host, e.g. --urls http://127.0.0.1:5081 to choose the port

            """);
        foreach (var verb in All)
        {
            text.Append("  ").Append(verb.Usage).Append('\n').Append("      ").Append(verb.Summary).Append('\n');
        }
        text.Append($"""

            Roles (token --role, report --role): {Roles}.
            Reports: {string.Join(", ", ReportDefinitions.All.Select(d => d.Name))}.
            Paths are relative to the directory you run the command from. `VERB --help` describes a verb's options.
            Database: SQLite data/petitiongraph.db, or PostgreSQL when ConnectionStrings__Postgres is set.
            Exit status: 0 done, 1 the work failed, 2 the command line is wrong.

            """);
        return text.ToString();
    }

    public static string VerbHelp(CliVerb verb)
    {
        var text = new System.Text.StringBuilder($"Usage: dotnet run --project api -- {verb.Usage}\n  {verb.Summary}\n");
        foreach (var (name, description) in verb.Options)
        {
            text.Append($"  --{name,-16} {description}\n");
        }
        return text.ToString();
    }

    private sealed class ConsoleProgress(TextWriter output) : IProgress<SeedProgress>
    {
        public void Report(SeedProgress value)
        {
            var rate = value.RowsWritten / Math.Max(0.001, value.Elapsed.TotalSeconds);
            output.WriteLine($"  {value.CasesWritten,10:N0} / {value.CasesTotal:N0} cases ({100.0 * value.CasesWritten / value.CasesTotal:F0}%) · {value.RowsWritten:N0} rows · {rate:N0} rows/s");
        }
    }
}
