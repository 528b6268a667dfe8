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

    public static ReportTable Ownership(IReadOnlyList<OwnershipRow> rows) => new(
        "领导包案",
        [
            ReportTable.Integer("序号"),
            ReportTable.Text("案件编号"),
            ReportTable.Text("姓名"),
            ReportTable.Text("户籍地/村"),
            ReportTable.Text("包案镇领导"),
            ReportTable.Text("包案村领导"),
            ReportTable.Text("状态"),
            ReportTable.Integer("已办天数"),
        ],
        [
            .. rows.OrderBy(r => r.Number).Select(r => new TableRow(
                [r.Number, r.CaseNumber, r.Petitioners, r.Village, r.TownLeaders, r.VillageLeader, r.Status, r.DaysOpen])),
            .. Total(rows.Count, 8),
        ]);

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

    public static ReportTable KeyClassCounts(IReadOnlyList<KeyCaseRow> rows) => new(
        "五类统计",
        [ReportTable.Text("类别"), ReportTable.Text("认定标准（默认）"), ReportTable.Integer("件数")],
        [
            .. KeyClasses.Select(k => new TableRow([k.Name, k.Rule, rows.Count(r => r.KeyClass == k.Class)])),
            new TableRow(["合计", "", rows.Count], "total"),
        ]);

    /// <summary>Key cases of one class (HTML), or of all classes with a class column (XLSX: classClumn true).</summary>
    public static ReportTable KeyCases(string name, IEnumerable<KeyCaseRow> rows, bool classColumn)
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

        var listed = rows.ToList();
        return new ReportTable(name, columns,
        [
            .. listed.OrderBy(r => r.KeyClass).ThenByDescending(r => r.NationalPetitions).ThenBy(r => r.CaseNumber, StringComparer.Ordinal)
                .Select(r => new TableRow(classColumn
                    ? [ClassName(r.KeyClass), r.CaseNumber, r.Title, r.Village, r.Category, r.NationalPetitions, r.Status, r.DaysOpen]
                    : [r.CaseNumber, r.Title, r.Village, r.Category, r.NationalPetitions, r.Status, r.DaysOpen])),
            .. Total(listed.Count, columns.Count),
        ]);
    }

    public static string ClassName(int keyClass) =>
        KeyClasses.FirstOrDefault(k => k.Class == keyClass).Name ?? $"{keyClass} 类";
}
