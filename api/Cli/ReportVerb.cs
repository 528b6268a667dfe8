using PetitionGraph.Api.Access;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.Reports;

namespace PetitionGraph.Api.Cli;

/// <summary><c>report NAME --period P --out DIR [--role ROLE]</c>: generates, stores the run, writes the files.</summary>
public static class ReportVerb
{
    public static async Task<int> RunAsync(IServiceProvider services, CliArguments args, TextWriter output, CancellationToken ct)
    {
        var name = args.Positional.Count > 0 ? args.Positional[0] : null;
        if (!ReportNames.TryParse(name, out var kind))
        {
            await output.WriteLineAsync($"Unknown report '{name}'. Reports: {string.Join(", ", ReportNames.All)}.");
            return 2;
        }
        var period = ReportPeriod.Parse(args.Get("period"), services.GetRequiredService<OfficeTime>());
        if (period is null)
        {
            await output.WriteLineAsync($"--period '{args.Get("period")}' is not a period: use 2021-05, 2021-Q2, 2021, 2021-W18 or 2021-05-03.");
            return 2;
        }
        if (!Enum.TryParse<Role>((args.Get("role") ?? "Office").Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var role))
        {
            await output.WriteLineAsync($"--role '{args.Get("role")}' is not a role: {string.Join(", ", Enum.GetNames<Role>())}.");
            return 2;
        }
        var directory = Path.GetFullPath(args.Get("out") ?? "reports");
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
            await output.WriteLineAsync($"{ReportNames.Title(kind)} {period.Label}: {run.Artifacts.Count} files in {directory} (run {run.Id}, {(run.FinishedAt - run.StartedAt)?.TotalSeconds:F1} s).");
            return 0;
        }
        catch (ReportDataException e)
        {
            await output.WriteLineAsync(e.Message);
            return 1;
        }
    }
}
