using System.Linq.Expressions;
using PetitionGraph.Api.Petitions;

namespace PetitionGraph.Api.Cases;

/// <summary>
/// 五类 key cases (DESIGN §6). Classes overlap; the lowest number that applies wins.
/// 1: ≥10 national registrations; 2: 5–9 national or a city-level referral; 3: 1–4 national;
/// 4: unresolved for two years or more; 5: a collective petition at national level, or ≥3 collective at province level.
/// Classes 1, 2, 3 and 5 follow from the petitions and are stored (<see cref="Case.PetitionKeyClass"/>);
/// class 4 depends on the instant asked about, so it is computed — in SQL by <see cref="AsOf"/>.
/// Thresholds are configurable under <c>KeyCases</c>.
/// </summary>
public sealed record KeyClassRules
{
    public int CollectiveThreshold { get; init; } = 5;
    public int Class1National { get; init; } = 10;
    public int Class2National { get; init; } = 5;
    public int Class4Years { get; init; } = 2;
    public int Class5ProvinceCollective { get; init; } = 3;

    public static KeyClassRules Default { get; } = new();

    public static KeyClassRules From(IConfiguration configuration) =>
        configuration.GetSection("KeyCases").Get<KeyClassRules>() ?? Default;

    /// <summary>The class that follows from the petitions alone (1, 2, 3, 5 or none).</summary>
    public int? FromPetitions(IReadOnlyCollection<Petition> petitions)
    {
        var national = petitions.Count(p => p.Level == PetitionLevel.National);
        if (national >= Class1National) return 1;
        if (national >= Class2National || petitions.Any(p => p.ReferredFrom == PetitionLevel.City)) return 2;
        if (national >= 1) return 3;
        var collectiveNational = petitions.Any(p => p.Level == PetitionLevel.National && p.PeopleCount >= CollectiveThreshold);
        var collectiveProvince = petitions.Count(p => p.Level == PetitionLevel.Province && p.PeopleCount >= CollectiveThreshold);
        return collectiveNational || collectiveProvince >= Class5ProvinceCollective ? 5 : null;
    }

    /// <summary>The class of a case at an instant.</summary>
    public int? At(Case c, DateTime instant) =>
        c.PetitionKeyClass is <= 3 ? c.PetitionKeyClass
        : c.ResolvedAt is null && c.TerminatedAt is null && c.OpenedAt <= instant.AddYears(-Class4Years) ? 4
        : c.PetitionKeyClass;

    /// <summary>
    /// The class at an instant from the petitions received from a baseline date on (DESIGN §6: a campaign's baseline),
    /// counted in SQL: keyCases(since:), the key-case report and the keyClassSince filter agree because they all use it.
    /// </summary>
    public Expression<Func<Case, int?>> Since(DateTime at, DateTime? since)
    {
        var longOpen = at.AddYears(-Class4Years);
        var counted = Counted(at, since);
        return c =>
            c.Petitions.AsQueryable().Where(counted).Count(p => p.Level == PetitionLevel.National) >= Class1National ? 1
            : c.Petitions.AsQueryable().Where(counted).Count(p => p.Level == PetitionLevel.National) >= Class2National
                || c.Petitions.AsQueryable().Where(counted).Any(p => p.ReferredFrom == PetitionLevel.City) ? 2
            : c.Petitions.AsQueryable().Where(counted).Any(p => p.Level == PetitionLevel.National) ? 3
            : (c.ResolvedAt == null || c.ResolvedAt > at) && (c.TerminatedAt == null || c.TerminatedAt > at) && c.OpenedAt <= longOpen ? 4
            : c.Petitions.AsQueryable().Where(counted).Any(p => p.Level == PetitionLevel.National && p.PeopleCount >= CollectiveThreshold)
                || c.Petitions.AsQueryable().Where(counted).Count(p => p.Level == PetitionLevel.Province && p.PeopleCount >= CollectiveThreshold) >= Class5ProvinceCollective ? 5
            : null;
    }

    /// <summary>
    /// The same rules as <see cref="Since"/>, from one case's tally of the petitions counted (read in one grouped pass
    /// over the petitions instead of six subqueries per case: a key-case list from a baseline at 1M cases took 18 s).
    /// </summary>
    public int? FromTally(int national, bool cityReferred, bool collectiveNational, int collectiveProvince, bool longOpen) =>
        national >= Class1National ? 1
        : national >= Class2National || cityReferred ? 2
        : national >= 1 ? 3
        : longOpen ? 4
        : collectiveNational || collectiveProvince >= Class5ProvinceCollective ? 5
        : null;

    /// <summary>Petitions that count for the class at <paramref name="at"/>: received before it, and from the baseline on.</summary>
    public static Expression<Func<Petition, bool>> Counted(DateTime at, DateTime? since) =>
        since is { } from ? p => p.ReceivedAt < at && p.ReceivedAt >= from : p => p.ReceivedAt < at;

    /// <summary>The same as <see cref="At"/>, as an expression EF Core turns into SQL.</summary>
    public Expression<Func<Case, int?>> AsOf(DateTime instant)
    {
        var longOpen = instant.AddYears(-Class4Years);
        return c => c.PetitionKeyClass != null && c.PetitionKeyClass <= 3 ? c.PetitionKeyClass
            : c.ResolvedAt == null && c.TerminatedAt == null && c.OpenedAt <= longOpen ? 4
            : c.PetitionKeyClass;
    }
}
