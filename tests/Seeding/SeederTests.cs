using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.Leaders;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Seeding;

/// <summary>The synthetic data set: deterministic per seed, shaped like an office's real workload, never real people.</summary>
public abstract class SeederTests(TestHost host)
{
    [Fact]
    public async Task The_data_set_has_the_expected_shape()
    {
        var cases = await SeededAsync();
        Assert.Equal(TestHost.SeedCases, cases.Count);
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
        // Other tests in the collection add reference data of their own; the seeded town is still all there.
        Assert.Equal(20, await db.Villages.CountAsync(v => v.Code.StartsWith("9901")));
        Assert.Equal(30, await db.Leaders.CountAsync(l => l.Id <= 30 && (l.Level == LeaderLevel.Town || l.VillageId != null)));
        Assert.Equal(9, await db.Categories.CountAsync(c => DefaultCategoryCodes.Contains(c.Code)));
        Assert.All(cases, c => Assert.Equal(CaseEventKind.Registered, c.Events.OrderBy(e => e.At).First().Kind));
        Assert.All(cases, c => Assert.Single(c.Petitions, p => p.IsFirst));
        Assert.All(cases, c => Assert.NotEmpty(c.Petitioners));
        Assert.Contains(cases, c => c.Status == CaseStatus.Resolved);
        Assert.Contains(cases, c => c.Status == CaseStatus.Declined);
        Assert.Contains(cases, c => c.Events.Any(e => e.Kind == CaseEventKind.DesignatedBacklog));
        Assert.Contains(cases, c => c.AcceptedAt > c.AcceptDueAt);
        Assert.Contains(cases, c => c.Petitions.Count > 1);
        Assert.Contains(cases, c => c.Petitions.Any(p => p.PeopleCount >= 5));
        Assert.Contains(cases, c => c.Evaluations.Count > 0);
        Assert.Contains(cases, c => c.InBacklogAt(TestHost.Now.UtcDateTime));
        Assert.True(cases.Count(c => c.Status == CaseStatus.Resolved) > cases.Count / 3);
    }

    [Fact]
    public async Task Status_and_projections_agree_with_the_event_history()
    {
        foreach (var c in await SeededAsync())
        {
            var events = c.Events.OrderBy(e => e.At).ToList();
            Assert.Equal(c.Version, events.Count);
            Assert.Equal(c.AcceptedAt, events.FirstOrDefault(e => e.Kind == CaseEventKind.Accepted)?.At);
            Assert.Equal(c.ResolvedAt, events.FirstOrDefault(e => e.Kind == CaseEventKind.Resolved)?.At);
            Assert.Equal(c.PetitionCount, c.Petitions.Count);
            Assert.Equal(c.LastPetitionAt, c.Petitions.Max(p => p.ReceivedAt));
            Assert.Equal(c.Evaluations.Count, events.Count(e => e.Kind == CaseEventKind.Evaluated));
            var last = events.Last(e => e.Kind is not (CaseEventKind.DesignatedBacklog or CaseEventKind.Extended or CaseEventKind.Evaluated));
            var expected = last.Kind switch
            {
                CaseEventKind.Registered => CaseStatus.Registered,
                CaseEventKind.Accepted => CaseStatus.Accepted,
                CaseEventKind.Declined => CaseStatus.Declined,
                CaseEventKind.Concluded => CaseStatus.Concluded,
                CaseEventKind.ReviewRequested => CaseStatus.UnderReview,
                CaseEventKind.Reviewed => CaseStatus.Reviewed,
                CaseEventKind.ReReviewRequested => CaseStatus.UnderSecondReview,
                CaseEventKind.ReReviewed => CaseStatus.SecondReviewed,
                CaseEventKind.Resolved => CaseStatus.Resolved,
                CaseEventKind.Terminated => CaseStatus.Terminated,
                _ => throw new InvalidOperationException(last.Kind.ToString()),
            };
            Assert.True(expected == c.Status, $"{c.Number}: events end with {last.Kind} but status is {c.Status}");
        }
    }

    [Fact]
    public async Task Personal_data_is_synthetic()
    {
        await using var scope = host.Scope();
        var people = await scope.ServiceProvider.GetRequiredService<PetitionDbContext>().Petitioners
            .Where(p => p.Cases.Any(cp => cp.Case!.Events.Any(e => e.Kind == CaseEventKind.Registered && e.Actor == "seed"))).ToListAsync();
        // Region code 99 is assigned to no region; the 100 phone prefix to no carrier.
        Assert.All(people, p => Assert.Matches("^99[0-9]{15}[0-9X]$", p.IdNumber!));
        Assert.All(people, p => Assert.Matches("^100[0-9]{8}$", p.Phone!));
        Assert.All(people, p => Assert.StartsWith("示范镇", p.Address!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Case_numbers_are_unique_and_sequential_per_year()
    {
        var cases = await SeededAsync();
        foreach (var year in cases.GroupBy(c => c.Number[..4]))
        {
            var sequences = year.Select(c => int.Parse(c.Number[5..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
            Assert.Equal(Enumerable.Range(1, sequences.Count), sequences);
        }
        await using var scope = host.Scope();
        var counters = await scope.ServiceProvider.GetRequiredService<PetitionDbContext>().CaseNumberCounters.ToDictionaryAsync(c => c.Year, c => c.Last);
        foreach (var year in cases.GroupBy(c => int.Parse(c.Number[..4], System.Globalization.CultureInfo.InvariantCulture)))
        {
            Assert.True(counters[year.Key] >= year.Count());
        }
    }

    private static readonly string[] DefaultCategoryCodes =
        ["REAL_ESTATE", "MAJOR_PROJECT", "ENVIRONMENT", "LAND", "MEDICAL", "LABOUR", "SOCIAL_SECURITY", "BANKRUPTCY", "OTHER"];

    /// <summary>The cases the seeder made (other tests in the collection add cases of their own).</summary>
    private async Task<List<Case>> SeededAsync() =>
        (await CaseOracle.LoadAsync(host)).Where(c => c.Events.Any(e => e.Kind == CaseEventKind.Registered && e.Actor == "seed")).ToList();
}

[Collection(SqliteCollection.Name)]
public sealed class SeederTestsOnSqlite(SqliteHost host) : SeederTests(host);

[Collection(PostgresCollection.Name)]
public sealed class SeederTestsOnPostgres(PostgresHost host) : SeederTests(host);
