using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Cases.Lifecycle;
using PetitionGraph.Api.Data;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Cases;

/// <summary>Concurrent staff and retried integrations: no update lost, no number reused, nothing created twice.</summary>
public abstract class ConcurrencyTests(TestHost host)
{
    private readonly CaseActions _office = new(host);

    [Fact]
    public async Task Concurrent_conflicting_steps_on_one_case_lose_nothing()
    {
        using var clock = host.TravelTo(TestHost.Now.AddDays(-30));
        var c = await _office.OkAsync("acceptCase", await _office.RegisterAsync(TestHost.Now.AddDays(-31)));
        // 20 clerks record an activity at once, all believing they saw the same version.
        var attempts = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            _office.StepAsync("recordActivity", c, new { kind = "VISIT", summary = $"走访 {i}" }, expectedVersion: c.Version)));
        var won = attempts.Count(a => a.GetProperty("userErrors").GetArrayLength() == 0);
        var conflicts = attempts.Count(a => a.GetProperty("userErrors").GetArrayLength() == 1
            && a.GetProperty("userErrors")[0].GetProperty("code").GetString() == "CONFLICT");
        Assert.Equal(1, won);
        Assert.Equal(19, conflicts);

        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
        var stored = await db.Cases.Include(k => k.Events).SingleAsync(k => k.Number == c.Number);
        Assert.Equal(c.Version + 1, stored.Version);
        Assert.Equal(stored.Version, stored.Events.Count);
        Assert.Equal(1, await db.CaseActivities.CountAsync(a => a.CaseId == stored.Id));
    }

    [Fact]
    public async Task Concurrent_steps_without_an_expected_version_are_applied_one_after_another()
    {
        using var clock = host.TravelTo(TestHost.Now.AddDays(-30));
        var c = await _office.OkAsync("acceptCase", await _office.RegisterAsync(TestHost.Now.AddDays(-31)));
        var attempts = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            _office.StepAsync("recordActivity", c, new { kind = "NEGOTIATION", summary = $"协商 {i}" })));
        var applied = attempts.Count(a => a.GetProperty("userErrors").GetArrayLength() == 0);
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
        var stored = await db.Cases.Include(k => k.Events).SingleAsync(k => k.Number == c.Number);
        // Whatever raced, every applied step is in the history exactly once and the version counts them.
        Assert.Equal(applied, await db.CaseActivities.CountAsync(a => a.CaseId == stored.Id));
        Assert.Equal(c.Version + applied, stored.Version);
        Assert.Equal(stored.Version, stored.Events.Count);
        Assert.All(attempts.Where(a => a.GetProperty("userErrors").GetArrayLength() > 0),
            a => Assert.Equal("CONFLICT", a.GetProperty("userErrors")[0].GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Case_numbers_stay_unique_and_sequential_under_concurrent_registration()
    {
        using var clock = host.TravelTo(new DateTimeOffset(2027, 3, 1, 2, 0, 0, TimeSpan.Zero));
        var registered = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => _office.RegisterAsync(new DateTimeOffset(2027, 3, 1, 1, 0, 0, TimeSpan.Zero))));
        var sequences = registered.Select(r => r.Number).Order().ToList();
        Assert.Equal(16, sequences.Distinct().Count());
        Assert.All(sequences, n => Assert.StartsWith("2027-", n, StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(1, 16).Select(i => $"2027-{i:D4}"), sequences);
    }

    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_returns_the_first_result_and_creates_nothing()
    {
        using var clock = host.TravelTo(TestHost.Now.AddDays(-5));
        var key = "district-system-" + Guid.NewGuid().ToString("N");
        var idNumber = CaseActions.NewIdNumber();
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => _office.RegisterAsync(TestHost.Now.AddDays(-6), idNumber: idNumber, key: key)));
        Assert.Single(results.Select(r => r.Number).Distinct());
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
        Assert.Equal(1, await db.Cases.CountAsync(k => k.Number == results[0].Number));
        Assert.Equal(1, await db.Petitioners.CountAsync(p => p.IdNumber == idNumber));
        Assert.Equal(1, await db.Petitions.CountAsync(p => p.Case!.Number == results[0].Number));
    }

    [Fact]
    public async Task A_known_ID_number_matches_the_existing_petitioner()
    {
        using var clock = host.TravelTo(TestHost.Now.AddDays(-5));
        var idNumber = CaseActions.NewIdNumber();
        var first = await _office.RegisterAsync(TestHost.Now.AddDays(-6), idNumber: idNumber);
        var second = await _office.RegisterAsync(TestHost.Now.AddDays(-6), idNumber: idNumber);
        Assert.NotEqual(first.Number, second.Number);
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
        var person = await db.Petitioners.Include(p => p.Cases).SingleAsync(p => p.IdNumber == idNumber);
        Assert.Equal(2, person.Cases.Count);
    }

    [Fact]
    public async Task Stored_projections_always_equal_a_fresh_derivation_from_the_events()
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
        foreach (var stored in await db.Cases.Include(c => c.Events).Include(c => c.BacklogIntervals).AsSplitQuery().ToListAsync())
        {
            var fresh = new Case { Number = stored.Number, Title = "", Demand = "", OpenedAt = stored.OpenedAt };
            CaseProjector.Project(fresh, stored.Events, TimeLimits.Default);
            Assert.Equal((stored.Number, fresh.Status, fresh.NextDueAt, fresh.BacklogSince, fresh.BacklogUntil, fresh.RepliedAt),
                (stored.Number, stored.Status, stored.NextDueAt, stored.BacklogSince, stored.BacklogUntil, stored.RepliedAt));
            Assert.Equal(fresh.BacklogIntervals.Select(i => (i.EnteredAt, i.LeftAt)),
                stored.BacklogIntervals.OrderBy(i => i.EnteredAt).Select(i => (i.EnteredAt, i.LeftAt)));
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ConcurrencyTestsOnSqlite(SqliteHost host) : ConcurrencyTests(host);

[Collection(PostgresCollection.Name)]
public sealed class ConcurrencyTestsOnPostgres(PostgresHost host) : ConcurrencyTests(host);
