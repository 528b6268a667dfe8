using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Data;

namespace PetitionGraph.Tests.Infrastructure;

/// <summary>All cases of the test database with their relations, loaded once: the in-memory reference the API is checked against.</summary>
public static class CaseOracle
{
    public static async Task<List<Case>> LoadAsync(TestHost host)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
        return await db.Cases
            .Include(c => c.Category).Include(c => c.Village)
            .Include(c => c.Petitioners).ThenInclude(cp => cp.Petitioner)
            .Include(c => c.Petitions).Include(c => c.Assignments).ThenInclude(a => a.Leader)
            .Include(c => c.Events).Include(c => c.Evaluations).Include(c => c.BacklogIntervals)
            .AsSplitQuery()
            .ToListAsync();
    }
}
