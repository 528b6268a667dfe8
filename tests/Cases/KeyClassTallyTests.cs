using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Petitions;

namespace PetitionGraph.Tests.Cases;

/// <summary>
/// The key-case report from a baseline decides each case's class from a tally of its counted petitions
/// (KeyClassRules.FromTally); keyCases(since:) and the keyClassSince filter decide it by KeyClassRules.Since in SQL.
/// Property: on random cases and petitions, the two agree — Since compiled and run in memory is the oracle.
/// </summary>
public sealed class KeyClassTallyTests
{
    [Fact]
    public void The_tally_gives_every_case_the_class_since_gives_it()
    {
        var rules = KeyClassRules.Default;
        var random = new Random(20261207);
        var at = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        var seen = new HashSet<int?>();
        // A few baselines, each rule compiled once (compiling is most of the time).
        var baselines = Enumerable.Range(0, 8).Select(i => at.AddDays(-30 - 270 * i))
            .ToDictionary(b => b, b => (Class: rules.Since(at, b).Compile(), Counted: KeyClassRules.Counted(at, b).Compile()));
        for (var run = 0; run < 1_500; run++)
        {
            var rule = baselines.Values.ElementAt(random.Next(baselines.Count));
            var opened = at.AddDays(-random.Next(1, 3_000));
            // How many of this case's petitions went to Beijing (none to most), or to the province and none to Beijing.
            var national = random.Next(3) == 0 ? -1 : random.NextDouble();
            var c = new Case
            {
                Number = $"2026-{run:000000}",
                Title = "合成事项",
                Demand = "合成诉求",
                OpenedAt = opened,
                ResolvedAt = random.Next(4) == 0 ? opened.AddDays(random.Next(1, 1_500)) : null,
                TerminatedAt = random.Next(10) == 0 ? opened.AddDays(random.Next(1, 1_500)) : null,
                Petitions = [.. Enumerable.Range(0, random.Next(0, 18)).Select(_ => new Petition
                {
                    ReceivedAt = at.AddDays(-random.Next(-30, 2_500)),
                    Level = national < 0 ? (random.Next(4) == 0 ? PetitionLevel.City : PetitionLevel.Province)
                        : random.NextDouble() < national ? PetitionLevel.National : (PetitionLevel)random.Next(Enum.GetValues<PetitionLevel>().Length),
                    PeopleCount = random.Next(3) == 0 ? random.Next(5, 40) : 1,
                    ReferredFrom = random.Next(12) == 0 ? PetitionLevel.City : null,
                })],
            };
            var expected = rule.Class(c);

            var counted = c.Petitions.Where(rule.Counted).ToList();
            var longOpen = (c.ResolvedAt == null || c.ResolvedAt > at) && (c.TerminatedAt == null || c.TerminatedAt > at) && c.OpenedAt <= at.AddYears(-rules.Class4Years);
            var actual = rules.FromTally(
                counted.Count(p => p.Level == PetitionLevel.National),
                counted.Any(p => p.ReferredFrom == PetitionLevel.City),
                counted.Any(p => p.Level == PetitionLevel.National && p.PeopleCount >= rules.CollectiveThreshold),
                counted.Count(p => p.Level == PetitionLevel.Province && p.PeopleCount >= rules.CollectiveThreshold),
                longOpen);

            Assert.True(expected == actual, $"case {run}: Since says {expected}, the tally {actual}");
            seen.Add(actual);
        }
        // Every class and none came up, so the property was tried on each.
        Assert.True(seen.SetEquals([null, 1, 2, 3, 4, 5]), $"classes seen: {string.Join(", ", seen.Order())}");
    }
}
