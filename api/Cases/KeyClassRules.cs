using PetitionGraph.Api.Petitions;

namespace PetitionGraph.Api.Cases;

/// <summary>
/// 五类 key cases (DESIGN §6), from a case's petitions. Classes overlap; the lowest number that applies wins.
/// 1: ≥10 national registrations; 2: 5–9 national or a city-level referral; 3: 1–4 national;
/// 4: unresolved for two years or more; 5: a collective petition at national level, or ≥3 collective at province level.
/// </summary>
public sealed record KeyClassRules(int CollectiveThreshold = 5, int Class1National = 10, int Class2National = 5, int Class5ProvinceCollective = 3)
{
    public static KeyClassRules Default { get; } = new();

    public int? Classify(IReadOnlyCollection<Petition> petitions, DateTime openedAt, bool settled, DateTime asOf)
    {
        var national = petitions.Count(p => p.Level == PetitionLevel.National);
        if (national >= Class1National) return 1;
        if (national >= Class2National || petitions.Any(p => p.ReferredFrom == PetitionLevel.City)) return 2;
        if (national >= 1) return 3;
        if (!settled && asOf >= openedAt.AddYears(2)) return 4;
        var collectiveNational = petitions.Any(p => p.Level == PetitionLevel.National && p.PeopleCount >= CollectiveThreshold);
        var collectiveProvince = petitions.Count(p => p.Level == PetitionLevel.Province && p.PeopleCount >= CollectiveThreshold);
        return collectiveNational || collectiveProvince >= Class5ProvinceCollective ? 5 : null;
    }
}
