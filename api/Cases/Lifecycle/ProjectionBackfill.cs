using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.Cases.Lifecycle;

/// <summary>
/// After a migration adds a derived table (deadlines), databases created before it re-derive every case once from
/// its events. Evaluations recorded before evaluations were events get their EVALUATED event (same instant).
/// </summary>
public sealed class ProjectionBackfill(PetitionDbContext db, TimeLimits limits, ILogger logger)
{
    private const int BatchSize = 500;

    public async Task RunIfNeededAsync(CancellationToken ct)
    {
        if (await db.CaseDeadlines.AnyAsync(ct) || !await db.Cases.AnyAsync(ct))
        {
            return;
        }
        logger.LogInformation("Deriving deadlines for existing cases from their events.");
        var lastId = 0;
        var total = 0;
        while (true)
        {
            var cases = await db.Cases.AsTracking().Where(c => c.Id > lastId).OrderBy(c => c.Id).Take(BatchSize)
                .WithHistory().Include(c => c.Evaluations)
                .AsSplitQuery().ToListAsync(ct);
            if (cases.Count == 0)
            {
                break;
            }
            foreach (var c in cases)
            {
                foreach (var evaluation in c.Evaluations.Where(v => !c.Events.Any(e => e.Kind == CaseEventKind.Evaluated && e.At == v.At)))
                {
                    c.Events.Add(new CaseEvent { CaseId = c.Id, At = evaluation.At, Kind = CaseEventKind.Evaluated, Actor = "migration", Note = evaluation.Result.ToString() });
                }
                CaseProjector.Project(c, c.Events, limits);
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            lastId = cases[^1].Id;
            total += cases.Count;
        }
        logger.LogInformation("Deadlines derived for {Cases} cases.", total);
    }
}
