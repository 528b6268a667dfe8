using PetitionGraph.Api.Access;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL;
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
            await output.WriteLineAsync($"Unknown report '{name}'. Reports: {string.Join(", ", ReportDefinitions.All.Select(d => d.Name))}.");
            return 2;
        }
        var text = args.Value("period") ?? throw new CliUsageException("report needs --period: 2026-05, 2026-Q2, 2026, 2026-W18 or 2026-05-03.");
        var period = ReportPeriod.Parse(text, services.GetRequiredService<OfficeTime>())
            ?? throw new CliUsageException($"--period '{text}' is not a period: use 2026-05, 2026-Q2, 2026, 2026-W18 or 2026-05-03.");
        var roleName = (args.Value("role") ?? "OFFICE").Trim().ToUpperInvariant();
        if (!EnumNames.TryParse<Role>(roleName, out var role))
        {
            throw new CliUsageException($"--role '{args.Value("role")}' is not a role: {string.Join(", ", Enum.GetValues<Role>().Select(r => EnumNames.Name(r)))}.");
        }
        // Under data/ by default, which git ignores: a report holds names when its role may read them.
        var directory = CliArguments.FullPath(args.Value("out") ?? Path.Combine("data", "reports"));
        await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
        try
        {
            var run = await services.GetRequiredService<ReportRunStore>().GenerateNowAsync(kind, period, role, "cli", null, ct);
            if (PersonalDataPolicy.MayReadPersonalData(role))
            {
                await services.GetRequiredService<AuditWriter>().WriteAsync(Environment.UserName, role, "REPORT", $"ReportRun:{run.Id}", "name", "report (CLI)");
            }
            Directory.CreateDirectory(directory);
            foreach (var artifact in run.Artifacts)
            {
                await File.WriteAllBytesAsync(Path.Combine(directory, artifact.FileName), artifact.Content, ct);
            }
            await output.WriteLineAsync($"{ReportDefinitions.For(kind).Title} {period.Label}: {run.Artifacts.Count} files in {directory} (run {run.Id}, {(run.FinishedAt - run.StartedAt)?.TotalSeconds:F1} s).");
            return 0;
        }
        catch (ReportDataException e)
        {
            await output.WriteLineAsync(e.Message);
            return 1;
        }
    }
}
