using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Cases.Lifecycle;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.Ledgers;

namespace PetitionGraph.Api.Cli;

/// <summary><c>import FILE [--kind ownership|cases] [--dry-run]</c> and <c>export --kind K [--format xlsx|csv] --out FILE [--where JSON]</c>.</summary>
public static class LedgerVerbs
{
    public static async Task<int> ImportAsync(IServiceProvider services, CliArguments args, TextWriter output, CancellationToken ct)
    {
        if (args.Positional.Count == 0)
        {
            throw new CliUsageException("import needs the ledger file: import FILE.xlsx|FILE.csv [--kind ownership|cases] [--dry-run]");
        }
        var path = CliArguments.FullPath(args.Positional[0]);
        if (!File.Exists(path))
        {
            await output.WriteLineAsync($"import: {path} does not exist.");
            return 2;
        }
        LedgerKind? kind = args.Value("kind") is { } name ? Kind(name) : null;
        await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
        var importer = new LedgerImporter(services.GetRequiredService<PetitionDbContext>(), services.GetRequiredService<TimeLimits>(),
            services.GetRequiredService<KeyClassRules>(), services.GetRequiredService<OfficeTime>(), services.GetRequiredService<TimeProvider>());
        var dryRun = args.Has("dry-run");
        var started = DateTime.UtcNow;
        LedgerImportResult result;
        try
        {
            result = await importer.ImportAsync(path, kind, dryRun, new Bar(output), ct);
        }
        catch (LedgerFormatException e)
        {
            await output.WriteLineAsync(e.Message);
            return 1;
        }
        foreach (var problem in result.Problems)
        {
            await output.WriteLineAsync(problem);
        }
        var seconds = (DateTime.UtcNow - started).TotalSeconds;
        await output.WriteLineAsync(!result.Ok
            ? $"{result.Problems.Count} problem(s) in {result.Rows} row(s); nothing was imported."
            : dryRun
                ? $"Dry run: {result.Rows} row(s) of a {Name(result.Kind)} ledger; {result.Created} would be imported, {result.AlreadyImported} already were. Nothing was changed."
                : $"Imported {result.Created} of {result.Rows} row(s) of a {Name(result.Kind)} ledger ({result.AlreadyImported} already imported) in {seconds:F1} s.");
        return result.Ok ? 0 : 1;
    }

    public static async Task<int> ExportAsync(IServiceProvider services, CliArguments args, TextWriter output, CancellationToken ct)
    {
        var kind = Kind(args.Value("kind") ?? throw new CliUsageException("export needs --kind ownership|cases."));
        var path = CliArguments.FullPath(args.Value("out") ?? throw new CliUsageException("export needs --out FILE.xlsx or --out FILE.csv."));
        var format = (args.Value("format") ?? Path.GetExtension(path).TrimStart('.')).ToLowerInvariant();
        if (format is not ("csv" or "xlsx"))
        {
            throw new CliUsageException($"export writes .xlsx or .csv; {path} is neither (or give --format).");
        }
        if (Path.GetDirectoryName(path) is { } folder && !Directory.Exists(folder))
        {
            await output.WriteLineAsync($"export: the folder {folder} does not exist.");
            return 2;
        }
        await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
        var (file, error, _) = await services.GetRequiredService<LedgerService>().ExportAsync(services, LedgerService.CommandLine, kind, format, args.Value("where"), ct);
        if (file is null)
        {
            await output.WriteLineAsync(error);
            return 1;
        }
        await File.WriteAllBytesAsync(path, file, ct);
        await output.WriteLineAsync($"Wrote {path} ({file.Length:N0} bytes).");
        return 0;
    }

    private static LedgerKind Kind(string name) =>
        EnumNames.TryParse<LedgerKind>(name.ToUpperInvariant(), out var kind) ? kind : throw new CliUsageException($"--kind is ownership or cases, not '{name}'.");

    private static string Name(LedgerKind kind) => kind == LedgerKind.Ownership ? "leader case-ownership" : "case";

    private sealed class Bar(TextWriter output) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value)
        {
            var filled = value.Total == 0 ? 30 : 30 * value.Done / value.Total;
            output.WriteLine($"  [{new string('#', filled)}{new string('.', 30 - filled)}] {value.Done:N0} / {value.Total:N0}");
        }
    }
}
