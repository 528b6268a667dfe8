using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.Language;

namespace PetitionGraph.Api.Cli;

/// <summary>
/// <c>purge [--resolved-before DATE] [--dry-run]</c>: anonymises the personal data of petitioners all of whose cases
/// were resolved or terminated before DATE (default: <c>Retention:ResolvedYears</c>, 5, before now). Cases, petitions
/// and events stay, so every figure stays the same; each anonymised petitioner gets an audit entry.
/// </summary>
public static class PurgeVerb
{
    public const string AnonymisedName = "已匿名";

    public static async Task<int> RunAsync(IServiceProvider services, CliArguments args, TextWriter output, CancellationToken ct)
    {
        var office = services.GetRequiredService<OfficeTime>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        DateTime before;
        if (args.Value("resolved-before") is { } text)
        {
            if (!office.TryParse(text, out before))
            {
                await output.WriteLineAsync(args.Say(new Msg($"--resolved-before “{text}”不是日期（例如 2021-01-01，办公时区）。", $"--resolved-before '{text}' is not a date (e.g. 2021-01-01, office time).")));
                return 2;
            }
        }
        else
        {
            before = now.AddYears(-services.GetRequiredService<IConfiguration>().GetValue("Retention:ResolvedYears", 5));
        }
        if (before > now)
        {
            await output.WriteLineAsync(args.Say(new Msg("--resolved-before 是将来的日期；这么近的数据不能清除。", "--resolved-before lies in the future; nothing that recent may be purged.")));
            return 2;
        }
        await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
        var db = services.GetRequiredService<PetitionDbContext>();
        var due = db.Petitioners.Where(p => p.Name != AnonymisedName && p.Cases.Any() && p.Cases.All(cp =>
            (cp.Case!.Status == CaseStatus.Resolved && cp.Case.ResolvedAt < before)
            || (cp.Case.Status == CaseStatus.Terminated && cp.Case.TerminatedAt < before)));
        var ids = await due.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        var day = office.ToOffice(before).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (args.Has("dry-run"))
        {
            await output.WriteLineAsync(args.Say(new Msg($"试运行：所有案件均在 {day} 前了结的信访人 {ids.Count} 名将被匿名处理；未做任何更改。",
                $"Dry run: {ids.Count} petitioner(s) whose cases were all settled before {day} would be anonymised; nothing was changed.")));
            return 0;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var chunk in ids.Chunk(1000))
        {
            await db.Petitioners.Where(p => chunk.Contains(p.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.Name, AnonymisedName)
                .SetProperty(p => p.IdNumber, (string?)null)
                .SetProperty(p => p.Phone, (string?)null)
                .SetProperty(p => p.Address, (string?)null), ct);
        }
        await transaction.CommitAsync(ct);
        await services.GetRequiredService<AuditWriter>().WriteAsync(ids.Order().Chunk(1000).Select(chunk => new AuditEntry
        {
            At = now,
            Actor = Environment.UserName,
            Role = "SYSTEM",
            Action = "PURGE",
            PetitionerIds = [.. chunk],
            Subject = $"settled before {day}",
            Fields = "address,idNumber,name,phone",
            Operation = "purge (CLI)",
        }));
        await output.WriteLineAsync(args.Say(new Msg($"已对所有案件均在 {day} 前了结的信访人 {ids.Count} 名做匿名处理；案件与统计数据不变。",
            $"Anonymised {ids.Count} petitioner(s) whose cases were all settled before {day}; cases and figures are unchanged.")));
        return 0;
    }
}
