using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Cases.Lifecycle;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.Language;
using PetitionGraph.Api.Ledgers;

namespace PetitionGraph.Api.Cli;

/// <summary><c>import FILE [--kind ownership|cases] [--dry-run]</c> and <c>export --kind K [--format xlsx|csv] --out FILE [--where JSON]</c>.</summary>
public static class LedgerVerbs
{
    public static async Task<int> ImportAsync(IServiceProvider services, CliArguments args, TextWriter output, CancellationToken ct)
    {
        if (args.Positional.Count == 0)
        {
            throw new CliUsageException(new Msg("import 需要台账文件：import FILE.xlsx|FILE.csv [--kind ownership|cases] [--dry-run]",
                "import needs the ledger file: import FILE.xlsx|FILE.csv [--kind ownership|cases] [--dry-run]"));
        }
        var path = CliArguments.FullPath(args.Positional[0]);
        if (!File.Exists(path))
        {
            await output.WriteLineAsync(args.Say(new Msg($"import：{path} 不存在。", $"import: {path} does not exist.")));
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
            await output.WriteLineAsync(args.Say(e.Text));
            return 1;
        }
        foreach (var problem in result.Problems)
        {
            await output.WriteLineAsync(args.Say(problem));
        }
        var seconds = (DateTime.UtcNow - started).TotalSeconds;
        var (zh, en) = (Name(result.Kind).Zh, Name(result.Kind).En);
        await output.WriteLineAsync(args.Say(!result.Ok
            ? new Msg($"{result.Rows} 行中有 {result.Problems.Count} 个问题；未导入任何数据。", $"{result.Problems.Count} problem(s) in {result.Rows} row(s); nothing was imported.")
            : dryRun
                ? new Msg($"试运行：{zh}共 {result.Rows} 行；将导入 {result.Created} 行，{result.AlreadyImported} 行已导入过。未做任何更改。",
                    $"Dry run: {result.Rows} row(s) of a {en} ledger; {result.Created} would be imported, {result.AlreadyImported} already were. Nothing was changed.")
                : new Msg($"已导入{zh} {result.Rows} 行中的 {result.Created} 行（{result.AlreadyImported} 行已导入过），用时 {ElapsedText.Seconds(seconds)} 秒。",
                    $"Imported {result.Created} of {result.Rows} row(s) of a {en} ledger ({result.AlreadyImported} already imported) in {ElapsedText.Seconds(seconds)} s.")));
        return result.Ok ? 0 : 1;
    }

    public static async Task<int> ExportAsync(IServiceProvider services, CliArguments args, TextWriter output, CancellationToken ct)
    {
        var kind = Kind(args.Value("kind") ?? throw new CliUsageException(new Msg("export 需要 --kind ownership|cases。", "export needs --kind ownership|cases.")));
        var path = CliArguments.FullPath(args.Value("out") ?? throw new CliUsageException(new Msg("export 需要 --out FILE.xlsx 或 --out FILE.csv。", "export needs --out FILE.xlsx or --out FILE.csv.")));
        var format = (args.Value("format") ?? Path.GetExtension(path).TrimStart('.')).ToLowerInvariant();
        if (format is not ("csv" or "xlsx"))
        {
            throw new CliUsageException(new Msg($"export 只写 .xlsx 或 .csv；{path} 都不是（或用 --format 指定）。", $"export writes .xlsx or .csv; {path} is neither (or give --format)."));
        }
        if (Path.GetDirectoryName(path) is { } folder && !Directory.Exists(folder))
        {
            await output.WriteLineAsync(args.Say(new Msg($"export：文件夹 {folder} 不存在。", $"export: the folder {folder} does not exist.")));
            return 2;
        }
        await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
        var (file, error, _) = await services.GetRequiredService<LedgerService>().ExportAsync(services, LedgerService.CommandLine, kind, format, args.Value("where"), ct);
        if (file is null)
        {
            await output.WriteLineAsync(args.Say(error!.Value));
            return 1;
        }
        await File.WriteAllBytesAsync(path, file, ct);
        await output.WriteLineAsync(args.Say(new Msg($"已写入 {path}（{file.Length:N0} 字节）。", $"Wrote {path} ({file.Length:N0} bytes).")));
        return 0;
    }

    private static LedgerKind Kind(string name) =>
        EnumNames.TryParse<LedgerKind>(name.ToUpperInvariant(), out var kind)
            ? kind
            : throw new CliUsageException(new Msg($"--kind 须为 ownership 或 cases，不能是“{name}”。", $"--kind is ownership or cases, not '{name}'."));

    private static Msg Name(LedgerKind kind) => kind == LedgerKind.Ownership ? new("领导包案情况汇总表", "leader case-ownership") : new("案件台账", "case");

    private sealed class Bar(TextWriter output) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value)
        {
            var filled = value.Total == 0 ? 30 : 30 * value.Done / value.Total;
            output.WriteLine($"  [{new string('#', filled)}{new string('.', 30 - filled)}] {value.Done:N0} / {value.Total:N0}");
        }
    }
}
