using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Cli;
using PetitionGraph.Api.Data;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Access;

/// <summary>The purge command anonymises exactly the petitioners whose cases were all settled before the date, keeps every figure, and audits each.</summary>
public abstract class RetentionTests(DatabaseProvider provider) : IAsyncLifetime
{
    private CustomHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = new CustomHost(provider, await CustomHost.NewDatabaseAsync(provider), 150, new Dictionary<string, string?>());
        await _host.InitializeAsync();
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Purge_anonymises_only_settled_petitioners_keeps_the_figures_and_audits_each()
    {
        const string Figures = "{ statistics(from: \"2015-01-01\", to: \"2027-01-01\", interval: YEAR) { buckets { stock increment resolved petitions satisfactionRate { numerator denominator } } } }";
        var analyst = _host.ClientAs(Role.Analyst, "retention");
        var before = (await analyst.QueryAsync(Figures)).ToString();
        var cut = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var cases = await CaseOracle.LoadAsync(_host);
        bool Settled(Case c) => (c.Status == CaseStatus.Resolved && c.ResolvedAt < cut.AddHours(-8)) || (c.Status == CaseStatus.Terminated && c.TerminatedAt < cut.AddHours(-8));
        var expected = cases.SelectMany(c => c.Petitioners.Select(p => p.PetitionerId)).Distinct()
            .Where(id => cases.Where(c => c.Petitioners.Any(p => p.PetitionerId == id)).All(Settled)).Order().ToList();
        Assert.NotEmpty(expected);

        var output = new StringWriter();
        Assert.Equal(0, await CliVerbs.RunAsync(_host.Services, new CliArguments(["purge", "--resolved-before", "2024-01-01", "--dry-run", "--lang", "en"]), output, CancellationToken.None));
        Assert.Contains($"{expected.Count} petitioner(s)", output.ToString(), StringComparison.Ordinal);
        Assert.Empty(await AnonymisedAsync());

        Assert.Equal(0, await CliVerbs.RunAsync(_host.Services, new CliArguments(["purge", "--resolved-before", "2024-01-01", "--lang", "en"]), output, CancellationToken.None));
        var anonymised = await AnonymisedAsync();
        Assert.Equal(expected, anonymised.Select(p => p.Id));
        Assert.All(anonymised, p => Assert.True(p.IdNumber is null && p.Phone is null && p.Address is null));
        Assert.Equal(before, (await analyst.QueryAsync(Figures)).ToString());

        await using var scope = _host.Scope();
        var audit = await scope.ServiceProvider.GetRequiredService<PetitionDbContext>().AuditEntries.Where(a => a.Action == "PURGE").ToListAsync();
        Assert.Equal(expected, audit.SelectMany(a => a.PetitionerIds).Order());

        Assert.Equal(0, await CliVerbs.RunAsync(_host.Services, new CliArguments(["purge", "--resolved-before", "2024-01-01", "--lang", "en"]), output, CancellationToken.None));
        Assert.Contains("Anonymised 0 petitioner(s)", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, await CliVerbs.RunAsync(_host.Services, new CliArguments(["purge", "--resolved-before", "2099-01-01", "--lang", "en"]), output, CancellationToken.None));
    }

    private async Task<List<PetitionGraph.Api.Petitioners.Petitioner>> AnonymisedAsync()
    {
        await using var scope = _host.Scope();
        return await scope.ServiceProvider.GetRequiredService<PetitionDbContext>().Petitioners.Where(p => p.Name == PurgeVerb.AnonymisedName).OrderBy(p => p.Id).ToListAsync();
    }
}

public sealed class RetentionTestsOnSqlite() : RetentionTests(DatabaseProvider.Sqlite);

public sealed class RetentionTestsOnPostgres() : RetentionTests(DatabaseProvider.Postgres);
