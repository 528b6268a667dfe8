using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.Seeding;

namespace PetitionGraph.Api.Cli;

/// <summary>
/// <c>dotnet run --project api -- VERB</c>: migrate, seed, schema. With no verb the web host runs.
/// Verbs use the same services (and so the same database choice) as the host.
/// </summary>
public static class CliVerbs
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(["migrate", "seed", "schema", "report", "token", "purge", "import", "export", "help"], StringComparer.OrdinalIgnoreCase);

    public static async Task<int> RunAsync(IServiceProvider services, CliArguments args, TextWriter output, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        switch (args.Verb?.ToLowerInvariant())
        {
            case "migrate":
                await provider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
                await output.WriteLineAsync("Migrations applied.");
                return 0;
            case "seed":
                await provider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
                var options = new SeedOptions(args.GetInt("cases", 1000), args.GetInt("random-seed", 42));
                var progress = new ConsoleProgress(output);
                var result = await new Seeder(provider.GetRequiredService<PetitionDbContext>()).SeedAsync(options, progress, ct);
                await output.WriteLineAsync($"Seeded {result.CasesWritten:N0} cases ({result.RowsWritten:N0} rows) in {result.Elapsed.TotalSeconds:F1} s.");
                return 0;
            case "import":
                return await LedgerVerbs.ImportAsync(provider, args, output, ct);
            case "export":
                return await LedgerVerbs.ExportAsync(provider, args, output, ct);
            case "purge":
                return await PurgeVerb.RunAsync(provider, args, output, ct);
            case "token":
                return await TokenVerb.RunAsync(provider, args, output);
            case "report":
                return await ReportVerb.RunAsync(provider, args, output, ct);
            case "schema":
                await output.WriteAsync(SchemaPrinter.Print(provider.GetRequiredService<PetitionSchema>()));
                return 0;
            default:
                await output.WriteLineAsync("""
                    Usage: dotnet run --project api -- [VERB] [OPTIONS]
                      (no verb)                         run the GraphQL server (migrates; seeds demo data when empty)
                      migrate                           apply database migrations
                      seed --cases N [--random-seed S]  add N synthetic cases (deterministic per seed)
                      schema                            print the GraphQL schema (SDL)
                      import FILE.xlsx|FILE.csv [--kind ownership|cases] [--dry-run]
                                                        import a ledger: all rows or none; problems by row and column
                      export --kind ownership|cases --out FILE.xlsx|FILE.csv [--where JSON]
                                                        the same ledger layouts for the cases `where` selects (default: in backlog)
                      purge [--resolved-before DATE] [--dry-run]
                                                        anonymise petitioners whose cases were all settled before DATE
                      token --role ROLE [--user NAME] [--leader ID] [--villages CODE,…] [--hours N]
                                                        print a signed token (OFFICE, ANALYST, ADMIN, VILLAGE_HANDLER, LEADER)
                      report NAME --period P --out DIR [--role ROLE]
                                                        generate a report (HTML, charts, XLSX) into DIR;
                                                        NAME: monthly-overview, by-category, by-village, leader-ownership,
                                                        due-list, key-cases, campaign-progress; P: 2021-05, 2021-Q2, 2021, …
                    Database: SQLite data/petitiongraph.db, or PostgreSQL when ConnectionStrings__Postgres is set.
                    """);
                return args.Verb is null or "help" ? 0 : 2;
        }
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
