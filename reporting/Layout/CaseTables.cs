using PetitionGraph.Reporting.Formatting;

namespace PetitionGraph.Reporting.Layout;

/// <summary>Tables of cases: leader ownership (领导包案), due and overdue steps, key cases (五类).</summary>
internal static class CaseTables
{
    public static readonly IReadOnlyList<(int Class, string Name, string Rule)> KeyClasses =
    [
        (1, "一类", "进京登记 10 次及以上"),
        (2, "二类", "进京登记 5–9 次，或市级交办"),
        (3, "三类", "进京登记 1–4 次"),
        (4, "四类", "两年以上未化解"),
        (5, "五类", "进京集体访，或赴省集体访 3 次及以上"),
    ];

    /// <summary>The 包案领导 group's sub-headers, as offices write them; the importer reads them back.</summary>
    public const string LeaderGroup = "包案领导";

    /// <summary>
    /// 领导包案台账 as offices keep it: title, unit and date rows; 序号 姓名 户籍地 诉求, 包案领导 over 镇 and 村 (with
    /// titles), 化解措施 进展 时限 备注 — and 案件编号 last, so a sheet exported here imports back onto the same cases.
    /// </summary>
    public static ReportTable Ownership(IReadOnlyList<OwnershipRow> rows, ReportContext context) => new(
        "领导包案台账",
        [
            ReportTable.Integer("序号"),
            ReportTable.Text("姓名"),
            ReportTable.Text("户籍地"),
            ReportTable.Text("诉求"),
            new("镇", ColumnKind.Text, LeaderGroup),
            new("村", ColumnKind.Text, LeaderGroup),
            ReportTable.Text("化解措施"),
            ReportTable.Text("进展"),
            new("时限", ColumnKind.Date),
            ReportTable.Text("备注"),
            ReportTable.Text("案件编号"),
        ],
        [
            .. rows.OrderBy(r => r.Number).Select(r => new TableRow(
                [r.Number, r.Petitioners, r.Residence, r.Matter, r.TownLeaders, r.VillageLeaders, r.Measures, r.Progress, r.Deadline, r.Remarks, r.CaseNumber],
                r.NoLeader ? "no-leader" : r.Overdue ? "overdue" : null)),
            .. Total(rows.Count, 11),
        ])
    {
        Caption = [$"{context.Title}（{context.PeriodLabel}）", FormLine(context)],
    };

    /// <summary>填报单位 and 截至 date, the second line of an official form.</summary>
    public static string FormLine(ReportContext context) =>
        $"填报单位：{context.Office}" + (context.AsOfDay is { } day ? $"　　截至：{day.Year}年{day.Month}月{day.Day}日" : "");

    /// <summary>包案领导汇总: each leader's cases in the period, resolved in it and overdue at its end; 合计 counts each case once.</summary>
    public static ReportTable OwnershipByLeader(IReadOnlyList<LeaderOwnershipSummary> leaders, IReadOnlyList<OwnershipRow> rows, ReportContext context) => new(
        "包案领导汇总",
        [ReportTable.Text("包案领导"), ReportTable.Text("职务"), ReportTable.Text("层级"), ReportTable.Integer("包案件数"), ReportTable.Integer("已化解"), ReportTable.Integer("逾期")],
        [
            .. leaders.Select(l => new TableRow([l.Leader, l.Title, l.Level, l.Cases, l.Resolved, l.Overdue], l.Overdue > 0 ? "overdue" : null)),
            .. rows.Any(r => r.NoLeader)
                ? [new TableRow(["（无包案领导）", "", "", rows.Count(r => r.NoLeader), rows.Count(r => r.NoLeader && r.Resolved), rows.Count(r => r.NoLeader && r.Overdue)], "no-leader")]
                : Array.Empty<TableRow>(),
            .. rows.Count == 0 ? [] : new[] { new TableRow(["合计（件，不重复计）", "", "", rows.Count, rows.Count(r => r.Resolved), rows.Count(r => r.Overdue)], "total") },
        ])
    {
        Caption = [$"包案领导汇总（{context.PeriodLabel}）", FormLine(context)],
    };

    /// <summary>合计 under a list of cases: how many there are (nothing under an empty list, which says 无数据).</summary>
    private static TableRow[] Total(int count, int columns) =>
        count == 0 ? [] : [new TableRow(["合计", $"{count} 件", .. Enumerable.Repeat<object?>("", columns - 2)], "total")];

    public static IReadOnlyList<DueRow> SortDue(IReadOnlyList<DueRow> rows) =>
        [.. rows.OrderBy(r => r.DaysLeft).ThenBy(r => r.DueAt).ThenBy(r => r.CaseNumber, StringComparer.Ordinal)];

    public static ReportTable Due(IReadOnlyList<DueRow> rows, OfficeClock clock) => new(
        "到期提醒",
        [
            ReportTable.Text("案件编号"),
            ReportTable.Text("事项"),
            ReportTable.Text("村（社区）"),
            ReportTable.Text("领域"),
            ReportTable.Text("环节"),
            new("办理期限", ColumnKind.DateTime),
            ReportTable.Integer("剩余天数"),
            ReportTable.Text("状态"),
            ReportTable.Text("包案领导"),
        ],
        [
            .. SortDue(rows).Select(r => new TableRow(
                [r.CaseNumber, r.Title, r.Village, r.Category, r.Step, clock.Local(r.DueAt), r.DaysLeft, DueState(r.DaysLeft), r.Leaders],
                r.DaysLeft < 0 ? "overdue" : r.DaysLeft == 0 ? "due-today" : null)),
            .. Total(rows.Count, 9),
        ]);

    public static string DueState(int daysLeft) => daysLeft switch
    {
        < 0 => $"逾期 {-daysLeft} 天",
        0 => "今日到期",
        _ => $"剩余 {daysLeft} 天",
    };

    public static ReportTable KeyClassCounts(IReadOnlyList<KeyCaseRow> rows)
    {
        var counts = new Dictionary<int, int>();
        foreach (var row in rows)
        {
            counts[row.KeyClass] = counts.GetValueOrDefault(row.KeyClass) + 1;
        }
        return new(
            "五类统计",
            [ReportTable.Text("类别"), ReportTable.Text("认定标准（默认）"), ReportTable.Integer("件数")],
            [
                .. KeyClasses.Select(k => new TableRow([k.Name, k.Rule, counts.GetValueOrDefault(k.Class)])),
                new TableRow(["合计", "", rows.Count], "total"),
            ]);
    }

    /// <summary>The order every list of key cases shows: by class, most national petitions first, then case number.</summary>
    public static KeyCaseRow[] InKeyCaseOrder(IEnumerable<KeyCaseRow> rows)
    {
        // One sort for the report's every list (at 1M cases a quarter of them are key cases): each class's list is a
        // filter of this one, which keeps its order. Case numbers are unique, so the order is total. Sorted by keys
        // side by side with the rows (a comparison reads one array, not two records far apart in memory).
        var items = rows.ToArray();
        var keys = new KeyCaseOrder[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            keys[i] = new(items[i].KeyClass, items[i].NationalPetitions, items[i].CaseNumber);
        }
        // The two halves sorted side by side (the report's writers have not started: the other core is free), then merged.
        var half = items.Length / 2;
        Parallel.Invoke(() => Array.Sort(keys, items, 0, half), () => Array.Sort(keys, items, half, items.Length - half));
        var ordered = new KeyCaseRow[items.Length];
        int left = 0, right = half, next = 0;
        while (left < half && right < items.Length)
        {
            ordered[next++] = keys[left].CompareTo(keys[right]) <= 0 ? items[left++] : items[right++];
        }
        Array.Copy(items, left, ordered, next, half - left);
        next += half - left;
        Array.Copy(items, right, ordered, next, items.Length - right);
        return ordered;
    }

    private readonly record struct KeyCaseOrder(int KeyClass, int NationalPetitions, string CaseNumber) : IComparable<KeyCaseOrder>
    {
        public int CompareTo(KeyCaseOrder other) =>
            KeyClass != other.KeyClass ? KeyClass.CompareTo(other.KeyClass)
            : NationalPetitions != other.NationalPetitions ? other.NationalPetitions.CompareTo(NationalPetitions)
            : string.CompareOrdinal(CaseNumber, other.CaseNumber);
    }

    /// <summary>Key cases of one class, or of all classes with a class column (the workbook's one sheet).</summary>

    /// <summary>A list of key cases in the order given (<see cref="InKeyCaseOrder"/>), with its 合计 row.</summary>
    public static ReportTable KeyCases(string name, IReadOnlyList<KeyCaseRow> ordered, bool classColumn)
    {
        List<TableColumn> columns =
        [
            ReportTable.Text("案件编号"),
            ReportTable.Text("事项"),
            ReportTable.Text("村（社区）"),
            ReportTable.Text("领域"),
            ReportTable.Integer("进京登记次数"),
            ReportTable.Text("状态"),
            ReportTable.Integer("已办天数"),
        ];
        if (classColumn)
        {
            columns.Insert(0, ReportTable.Text("类别"));
        }

        var rows = new List<TableRow>(ordered.Count + 1);
        foreach (var r in ordered)
        {
            rows.Add(new TableRow(classColumn
                ? [ClassName(r.KeyClass), r.CaseNumber, r.Title, r.Village, r.Category, Boxed(r.NationalPetitions), r.Status, Boxed(r.DaysOpen)]
                : [r.CaseNumber, r.Title, r.Village, r.Category, Boxed(r.NationalPetitions), r.Status, Boxed(r.DaysOpen)]));
        }
        rows.AddRange(Total(ordered.Count, columns.Count));
        return new ReportTable(name, columns, rows);
    }

    private static readonly object[] SmallNumbers = [.. Enumerable.Range(0, 4096).Select(n => (object)n)];

    /// <summary>A count as a cell: the small ones shared (a long list's two counts per row would be a million boxes).</summary>
    private static object Boxed(int number) => number is >= 0 and < 4096 ? SmallNumbers[number] : number;

    public static string ClassName(int keyClass) =>
        KeyClasses.FirstOrDefault(k => k.Class == keyClass).Name ?? $"{keyClass} 类";
}
