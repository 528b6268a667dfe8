using PetitionGraph.Api.Access;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.Language;
using PetitionGraph.Api.Reports;

using PetitionGraph.Reporting.Kinds;

namespace PetitionGraph.Api.Cli;

/// <summary><c>report NAME --period P --out DIR [--role ROLE]</c>: generates, stores the run, writes the files.</summary>
public static class ReportVerb
{
    public static async Task<int> RunAsync(IServiceProvider services, CliArguments args, TextWriter output, CancellationToken ct)
    {
        var name = args.Positional.Count > 0 ? args.Positional[0] : null;
        if (!ReportDefinitions.TryParse(name, out var kind))
        {
            var reports = string.Join(", ", ReportDefinitions.All.Select(d => d.Name));
            await output.WriteLineAsync(args.Say(new Msg($"未知报表“{name}”。可用报表：{reports}。", $"Unknown report '{name}'. Reports: {reports}.")));
            return 2;
        }
        var text = args.Value("period") ?? throw new CliUsageException(new Msg("report 需要 --period：2026-05、2026-Q2、2026、2026-W18 或 2026-05-03。",
            "report needs --period: 2026-05, 2026-Q2, 2026, 2026-W18 or 2026-05-03."));
        var period = ReportPeriod.Parse(text, services.GetRequiredService<OfficeTime>())
            ?? throw new CliUsageException(new Msg($"--period “{text}”不是期间：请用 2026-05、2026-Q2、2026、2026-W18 或 2026-05-03。",
                $"--period '{text}' is not a period: use 2026-05, 2026-Q2, 2026, 2026-W18 or 2026-05-03."));
        var roleName = (args.Value("role") ?? "OFFICE").Trim().ToUpperInvariant();
        if (!EnumNames.TryParse<Role>(roleName, out var role))
        {
            var roles = string.Join(", ", Enum.GetValues<Role>().Select(r => EnumNames.Name(r)));
            throw new CliUsageException(new Msg($"--role “{args.Value("role")}”不是角色：{roles}。", $"--role '{args.Value("role")}' is not a role: {roles}."));
        }
        // Under data/ by default, which git ignores: a report holds names when its role may read them.
        var directory = CliArguments.FullPath(args.Value("out") ?? Path.Combine("data", "reports"));
        await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
        try
        {
            // Timed here, not from the run's instants: in demo mode the office clock stands still (Demo:Now).
            var timer = System.Diagnostics.Stopwatch.StartNew();
            var run = await services.GetRequiredService<ReportRunStore>().GenerateNowAsync(kind, period, role, "cli", null, ct);
            var seconds = timer.Elapsed.TotalSeconds;
            if (PersonalDataPolicy.MayReadPersonalData(role))
            {
                await services.GetRequiredService<AuditWriter>().WriteAsync(Environment.UserName, role, "REPORT", $"ReportRun:{run.Id}", "name", "report (CLI)");
            }
            Directory.CreateDirectory(directory);
            foreach (var artifact in run.Artifacts)
            {
                await File.WriteAllBytesAsync(Path.Combine(directory, artifact.FileName), artifact.Content, ct);
            }
            await output.WriteLineAsync(args.Say(new Msg($"{ReportDefinitions.For(kind).Title} {period.Label}：{run.Artifacts.Count} 个文件，位于 {directory}（运行 {run.Id}，{ElapsedText.Seconds(seconds)} 秒）。",
                $"{ReportDefinitions.For(kind).Title} {period.Label}: {run.Artifacts.Count} files in {directory} (run {run.Id}, {ElapsedText.Seconds(seconds)} s).")));
            return 0;
        }
        catch (ReportDataException e)
        {
            await output.WriteLineAsync(args.Say(e.Text));
            return 1;
        }
    }
}
