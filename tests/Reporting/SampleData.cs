using PetitionGraph.Reporting;

namespace PetitionGraph.Tests.Reporting;

/// <summary>
/// Synthetic report data: names are drawn from syllables with a fixed seed, villages and leaders are invented,
/// and every figure is made up. Nothing here is, or describes, a real person.
/// </summary>
internal static class SampleData
{
    public static readonly string[] Categories = ["房地产", "重大工程项目", "环境污染", "征地拆迁", "医患矛盾", "劳资纠纷", "社会保障", "企业倒闭破产", "其他"];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"];
    private static readonly string[] GivenSyllables = ["建", "国", "秀", "英", "志", "明", "海", "燕", "春", "华", "德", "文", "玉", "兰", "金", "平", "晓", "东", "桂", "芳", "永", "红", "立", "新"];
    private static readonly string[] PlacePrefixes = ["东", "西", "南", "北", "前", "后", "上", "下", "大", "小", "新", "老"];
    private static readonly string[] PlaceStems = ["河", "塘", "桥", "岭", "湾", "坝", "庄", "沟", "坪", "岗"];

    public static readonly DateTime PeriodStart = new(2021, 5, 1, 0, 0, 0, DateTimeKind.Utc);

    public static ReportContext Context(ReportKind kind, bool showsNames = false) => new(
        Title: Titles[kind],
        PeriodLabel: "2021年5月",
        GeneratedAt: new DateTime(2021, 6, 1, 0, 30, 0, DateTimeKind.Utc),
        TimeZone: "Asia/Shanghai",
        Office: "示例镇信访办",
        ShowsNames: showsNames,
        ReaderRole: showsNames ? "信访办工作人员" : "镇领导")
    {
        AsOfDay = new DateTime(2021, 5, 31, 0, 0, 0, DateTimeKind.Unspecified),
    };

    public static readonly IReadOnlyDictionary<ReportKind, string> Titles = new Dictionary<ReportKind, string>
    {
        [ReportKind.MonthlyOverview] = "信访工作月报",
        [ReportKind.ByCategory] = "分领域信访情况",
        [ReportKind.ByVillage] = "分村（社区）信访情况",
        [ReportKind.LeaderOwnership] = "领导包案情况汇总表",
        [ReportKind.DueList] = "到期与逾期事项提醒",
        [ReportKind.KeyCases] = "重点信访案件（五类）",
        [ReportKind.CampaignProgress] = "积案化解攻坚进展",
    };

    public static readonly IReadOnlyDictionary<string, double> RateTargets = new Dictionary<string, double>
    {
        ["及时受理率"] = 1.0,
        ["按期办结率"] = 1.0,
        ["参评率"] = 0.9,
        ["满意率"] = 0.9,
    };

    /// <summary>A generated two- or three-character name; masked as surname plus "*" when asked.</summary>
    public static string PersonName(Random random, bool masked = false)
    {
        var surname = Surnames[random.Next(Surnames.Length)];
        var given = GivenSyllables[random.Next(GivenSyllables.Length)] + (random.Next(3) == 0 ? "" : GivenSyllables[random.Next(GivenSyllables.Length)]);
        return masked ? surname + new string('*', given.Length) : surname + given;
    }

    public static string[] Villages(int count)
    {
        var random = new Random(7);
        var names = new HashSet<string>();
        while (names.Count < count)
        {
            var stem = PlacePrefixes[random.Next(PlacePrefixes.Length)] + PlaceStems[random.Next(PlaceStems.Length)];
            names.Add(random.Next(4) == 0 ? stem + "社区" : stem + "村");
        }

        return [.. names];
    }

    /// <summary>12 months to May 2021: the stock falls from 120 to about 70.</summary>
    public static IReadOnlyList<FigureRow> Trend()
    {
        int[] stock = [120, 116, 113, 108, 104, 99, 95, 90, 86, 80, 76, 70];
        var rows = new List<FigureRow>();
        for (var i = 0; i < stock.Length; i++)
        {
            var start = PeriodStart.AddMonths(i - stock.Length + 1);
            rows.Add(Figures(start, start.AddMonths(1), $"{start:yyyy-MM}", null, stock[i], 14 + i % 5, 3 - i % 3, 6 + i % 4, 2 - i % 2, 60 + i * 2));
        }

        return rows;
    }

    public static FigureRow Period() => Figures(PeriodStart, PeriodStart.AddMonths(1), "2021-05", null, 70, 18, 1, 7, 1, 82) with
    {
        OnTimeAcceptanceRate = new Rate(19, 20),
        OnTimeConclusionRate = new Rate(15, 17),
        EvaluationRate = new Rate(12, 15),
        SatisfactionRate = new Rate(11, 12),
        RepeatPetitionRate = new Rate(9, 82),
    };

    public static IReadOnlyList<FigureRow> ByCategory() =>
        [.. Categories.Select((name, i) => Figures(PeriodStart, PeriodStart.AddMonths(1), "2021-05", name, 2 + (i * 7 % 13), 1 + (i * 5 % 6), i % 2, i % 3, i % 2, 5 + i))];

    public static IReadOnlyList<FigureRow> ByVillage() =>
        [.. Villages(14).Select((name, i) => Figures(PeriodStart, PeriodStart.AddMonths(1), "2021-05", name, 1 + (i * 5 % 11), i % 4, i % 2, i % 3, 0, 3 + i))];

    public static IReadOnlyList<OwnershipRow> Ownership(bool showsNames)
    {
        var random = new Random(11);
        var villages = Villages(14);
        string[] town = [PersonName(random) + "（党委副书记）", PersonName(random) + "（副镇长）", PersonName(random) + "（人大主席）"];
        return [.. Enumerable.Range(1, 12).Select(i =>
        {
            var row = new OwnershipRow(
                i,
                $"2020-{i * 7:0000}",
                string.Join("、", Enumerable.Range(0, 1 + i % 3).Select(_ => PersonName(random, masked: !showsNames))),
                showsNames ? $"示范镇{villages[i % villages.Length]}{i}组{i * 3}号" : villages[i % villages.Length],
                i % 2 == 0 ? "要求解决宅基地边界纠纷" : "反映土地承包经营权流转费用未按期支付",
                i == 7 ? "" : town[i % 3],
                i == 7 ? "" : PersonName(random) + "（村党支部书记）",
                i % 3 == 0 ? "1. 召开协调会（5月20日前，已完成）；2. 入户答复（6月10日前）" : "1. 走访了解诉求（5月25日前）",
                i % 4 == 0 ? "已化解（5月18日）" : "办理中（4月2日）；最近：走访（5月9日）",
                i % 4 == 0 ? null : PeriodStart.AddDays(10 + i),
                "")
            {
                Resolved = i % 4 == 0,
                Overdue = i % 5 == 1,
            };
            return row with { Remarks = OwnershipLedger.Remarks(row) };
        })];
    }

    public static IReadOnlyList<DueRow> Due()
    {
        var random = new Random(13);
        var villages = Villages(14);
        return [.. new[] { 5, -3, 1, -12, 0, 2, -1, 6 }.Select((days, i) => new DueRow(
            $"2021-{100 + i:0000}",
            $"关于{villages[i]}{Categories[i]}问题的信访事项",
            villages[i],
            Categories[i],
            i % 2 == 0 ? "告知受理" : "办结答复",
            new DateTime(2021, 6, 1, 16, 0, 0, DateTimeKind.Utc).AddDays(days),
            days,
            PersonName(random) + "、" + PersonName(random)))];
    }

    public static IReadOnlyList<KeyCaseRow> KeyCases()
    {
        var villages = Villages(14);
        return [.. new[] { 1, 2, 2, 3, 3, 3, 4, 5 }.Select((keyClass, i) => new KeyCaseRow(
            keyClass,
            $"2019-{30 + i:0000}",
            $"{villages[i]}{Categories[(i + 3) % Categories.Length]}遗留问题",
            villages[i],
            Categories[(i + 3) % Categories.Length],
            keyClass switch { 1 => 12, 2 => 6, 3 => 2, _ => 0 },
            "化解中",
            400 + i * 90))];
    }

    public static CampaignProgress Campaign() => new(
        "积案化解攻坚行动",
        new DateTime(2020, 12, 31, 16, 0, 0, DateTimeKind.Utc),
        [
            new("排查", new DateTime(2020, 12, 31, 16, 0, 0, DateTimeKind.Utc), new DateTime(2021, 2, 28, 16, 0, 0, DateTimeKind.Utc), false),
            new("施策", new DateTime(2021, 2, 28, 16, 0, 0, DateTimeKind.Utc), new DateTime(2021, 4, 30, 16, 0, 0, DateTimeKind.Utc), false),
            new("攻坚", new DateTime(2021, 4, 30, 16, 0, 0, DateTimeKind.Utc), new DateTime(2021, 9, 30, 16, 0, 0, DateTimeKind.Utc), true),
            new("巩固", new DateTime(2021, 9, 30, 16, 0, 0, DateTimeKind.Utc), new DateTime(2021, 12, 31, 16, 0, 0, DateTimeKind.Utc), false),
        ],
        [
            new("积案存量", "较基线下降 40%", 72, 120, 70, true) { PointInTime = true },
            new("赴省进京信访", "较基线下降 40%", 6, 10, 7, false),
            new("新增积案", "不超过", 0, null, 1, false),
            new("及时受理率", "不低于", 1.0, 0.9, 0.95, false) { Percent = true },
        ]);

    public static ReportData Full(ReportKind kind, bool showsNames = false) => new(kind, Context(kind, showsNames))
    {
        Trend = Trend(),
        Period = Period(),
        ByCategory = ByCategory(),
        ByVillage = ByVillage(),
        Ownership = Ownership(showsNames),
        Due = Due(),
        KeyCases = KeyCases(),
        Campaign = Campaign(),
        StockTarget = 72,
        RateTargets = RateTargets,
    };

    private static FigureRow Figures(DateTime start, DateTime end, string label, string? group, int stock, int increment, int backlogIncrement, int resolved, int highLevel, int petitions) =>
        new(start, end, label, group, stock, increment, backlogIncrement, resolved, highLevel, petitions,
            RepeatPetitionRate: new Rate(petitions / 9, petitions),
            OnTimeAcceptanceRate: new Rate(increment - increment / 10, increment),
            OnTimeConclusionRate: new Rate(Math.Max(0, increment - 2), increment),
            EvaluationRate: new Rate(resolved, resolved + 1),
            SatisfactionRate: new Rate(Math.Max(0, resolved - 1), resolved));
}
