using PetitionGraph.Api.Categories;
using PetitionGraph.Api.Leaders;
using PetitionGraph.Api.Villages;

namespace PetitionGraph.Api.Seeding;

/// <summary>The default categories (DESIGN §3) and a generated town: villages, communities and their leaders.</summary>
public static class ReferenceData
{
    public static IReadOnlyList<Category> DefaultCategories() =>
    [
        new() { Code = "REAL_ESTATE", NameZh = "房地产", NameEn = "Real estate" },
        new() { Code = "MAJOR_PROJECT", NameZh = "重大工程项目", NameEn = "Major projects" },
        new() { Code = "ENVIRONMENT", NameZh = "环境污染", NameEn = "Environmental pollution" },
        new() { Code = "LAND", NameZh = "征地拆迁", NameEn = "Land acquisition and demolition" },
        new() { Code = "MEDICAL", NameZh = "医患矛盾", NameEn = "Doctor–patient disputes" },
        new() { Code = "LABOUR", NameZh = "劳资纠纷", NameEn = "Labour disputes" },
        new() { Code = "SOCIAL_SECURITY", NameZh = "社会保障", NameEn = "Social security" },
        new() { Code = "BANKRUPTCY", NameZh = "企业倒闭破产", NameEn = "Enterprise closure and bankruptcy" },
        new() { Code = "OTHER", NameZh = "其他", NameEn = "Other" },
    ];

    /// <summary>The ways cases are settled (化解方式), as offices name them.</summary>
    public static IReadOnlyList<Settlement.SettlementWay> DefaultSettlementWays() =>
    [
        new() { Code = "POLICY", NameZh = "政策解决" },
        new() { Code = "MEDIATION", NameZh = "调解" },
        new() { Code = "ASSISTANCE", NameZh = "帮扶救助" },
        new() { Code = "LEGAL_TERMINATION", NameZh = "依法终结" },
        new() { Code = "LITIGATION", NameZh = "诉讼引导" },
        new() { Code = "OTHER", NameZh = "其他" },
    ];

    /// <summary>The town's responsible units (责任单位), as generated names of the synthetic town.</summary>
    public static IReadOnlyList<Units.ResponsibleUnit> DefaultUnits() =>
    [
        new() { Code = "SOCIAL", Name = "镇社会事务办", Kind = Units.UnitKind.Department },
        new() { Code = "AGRI", Name = "镇农业农村办", Kind = Units.UnitKind.Department },
        new() { Code = "BUILD", Name = "镇城建办", Kind = Units.UnitKind.Department },
        new() { Code = "POLICE", Name = "示范派出所", Kind = Units.UnitKind.Station },
        new() { Code = "JUSTICE", Name = "示范司法所", Kind = Units.UnitKind.Station },
        new() { Code = "POWER", Name = "示范供电所", Kind = Units.UnitKind.Station },
        new() { Code = "PROPERTY", Name = "示范苑物业公司", Kind = Units.UnitKind.Company },
    ];

    private static readonly string[] TownTitles =
        ["镇党委书记", "镇长", "镇党委副书记", "常务副镇长", "副镇长", "副镇长", "镇纪委书记", "镇人大主席", "镇党委委员", "镇武装部长"];

    public static IReadOnlyList<Village> Villages(SyntheticNames names, int villages = 14, int communities = 6)
    {
        var places = names.PlaceNames(villages + communities);
        // Aliases as addresses use them: a community's housing estates (新头苑, 新头花园), a village's old name (柳头大队).
        return places.Select((place, i) => new Village
        {
            Code = $"9901{i + 1:D3}",
            Name = place + (i < villages ? "村" : "社区"),
            Kind = i < villages ? VillageKind.Village : VillageKind.Community,
            Aliases = i < villages ? place + "大队" : string.Join(Village.AliasSeparator, place + "苑", place + "花园"),
        }).ToList();
    }

    /// <summary>Ten town leaders and one village-level leader per village (village ids must be assigned).</summary>
    public static IReadOnlyList<Leader> Leaders(SyntheticNames names, IReadOnlyList<Village> villages)
    {
        var town = TownTitles.Select(title => new Leader { Name = names.PersonName(), Title = title, Level = LeaderLevel.Town });
        var local = villages.Select(v => new Leader
        {
            Name = names.PersonName(),
            Title = v.Kind == VillageKind.Village ? "村党支部书记" : "社区党委书记",
            Level = LeaderLevel.Village,
            VillageId = v.Id,
        });
        return [.. town, .. local];
    }
}
