using PetitionGraph.Reporting.Charts;

namespace PetitionGraph.Reporting.Layout;

/// <summary>Tables of figures: the period summary (指标 | 本期 | 目标) and the wide one-row-per-bucket-or-group shape.</summary>
internal static class FigureTables
{
    /// <summary>
    /// The period's figures one per line, with the targets that apply — and, when given, the period before and 环比,
    /// the same period a year earlier and 同比, and the year to date. A count changes by a percentage; a rate by
    /// percentage points; the stock, a count at an instant, has no year-to-date sum.
    /// </summary>
    public static ReportTable Summary(FigureRow period, double? stockTarget, IReadOnlyDictionary<string, double> rateTargets, FigureComparison? comparison = null)
    {
        object? RateTarget(string name) => rateTargets.TryGetValue(name, out var t) ? new PercentValue(t) : null;
        (string Name, Func<FigureRow, object> Value, bool AtInstant, object? Target)[] figures =
        [
            ("积案存量（期末）", r => r.Stock, true, stockTarget),
            ("新增案件（增量）", r => r.Increment, false, null),
            ("新增积案", r => r.BacklogIncrement, false, null),
            ("化解积案", r => r.Resolved, false, null),
            ("信访总量", r => r.Petitions, false, null),
            ("赴省进京信访", r => r.HighLevelPetitions, false, null),
            ("重复信访率", r => r.RepeatPetitionRate, false, RateTarget("重复信访率")),
            .. RatesChart.Rates.Select(rate => (rate.Name, (Func<FigureRow, object>)(r => rate.Select(r)), false, RateTarget(rate.Name))),
        ];
        if (comparison is null)
        {
            return new ReportTable("本期概况", [ReportTable.Text("指标"), new("本期", ColumnKind.Mixed), new("目标", ColumnKind.Mixed)],
                [.. figures.Select(f => new TableRow([f.Name, f.Value(period), f.Target]))]);
        }

        object? At(FigureRow? row, Func<FigureRow, object> value) => row is null ? null : value(row);
        return new ReportTable(
            "本期概况",
            [
                ReportTable.Text("指标"), new("本期", ColumnKind.Mixed), new("上期", ColumnKind.Mixed), new("环比", ColumnKind.Mixed),
                new("去年同期", ColumnKind.Mixed), new("同比", ColumnKind.Mixed), new("本年累计", ColumnKind.Mixed), new("目标", ColumnKind.Mixed),
            ],
            [.. figures.Select(f => new TableRow(
            [
                f.Name, f.Value(period),
                At(comparison.Previous, f.Value), Change(f.Value(period), At(comparison.Previous, f.Value)),
                At(comparison.LastYear, f.Value), Change(f.Value(period), At(comparison.LastYear, f.Value)),
                f.AtInstant ? null : At(comparison.YearToDate, f.Value),
                f.Target,
            ]))]);
    }

    /// <summary>环比 / 同比: a count by a share of the earlier count, a rate by percentage points; none ("—") without a base.</summary>
    internal static ChangeValue? Change(object current, object? earlier) => (current, earlier) switch
    {
        (int now, int before) when before != 0 => new ChangeValue((now - before) / (double)before, Points: false),
        (Rate now, Rate before) when now.Value is { } a && before.Value is { } b => new ChangeValue(a - b, Points: true),
        _ => null,
    };

    /// <summary>One row per bucket or group: counts, then the five rates; a 合计 row last.</summary>
    public static ReportTable Wide(string name, string firstHeader, IReadOnlyList<FigureRow> rows, Func<FigureRow, string> label, bool overBuckets) => new(
        name,
        [
            ReportTable.Text(firstHeader),
            ReportTable.Integer("存量"),
            ReportTable.Integer("新增案件"),
            ReportTable.Integer("新增积案"),
            ReportTable.Integer("化解积案"),
            ReportTable.Integer("信访总量"),
            ReportTable.Integer("赴省进京"),
            new("重复信访率", ColumnKind.Rate),
            .. RatesChart.Rates.Select(r => new TableColumn(r.Name, ColumnKind.Rate)),
        ],
        [
            .. rows.Select(r => Cells(label(r), r, null)),
            .. rows.Count > 1 ? [Cells(overBuckets ? "合计（存量为期末数）" : "合计", Total(rows, overBuckets), "total")] : Array.Empty<TableRow>(),
        ]);

    private static TableRow Cells(string label, FigureRow r, string? cssClass) => new(
        [
            label, r.Stock, r.Increment, r.BacklogIncrement, r.Resolved, r.Petitions, r.HighLevelPetitions, r.RepeatPetitionRate,
            .. RatesChart.Rates.Select(rate => (object?)rate.Select(r)),
        ],
        cssClass);

    /// <summary>
    /// 合计: the counts added up, each rate from its added parts (never an average of percentages). The stock is a
    /// count at an instant: over groups that split the cases (categories, villages) it adds up; over buckets it is the
    /// last bucket's.
    /// </summary>
    internal static FigureRow Total(IReadOnlyList<FigureRow> rows, bool overBuckets)
    {
        static Rate Add(IEnumerable<Rate> rates) => new(rates.Sum(r => r.Numerator), rates.Sum(r => r.Denominator));
        return new FigureRow(rows[0].Start, rows[^1].End, "合计", null,
            overBuckets ? rows[^1].Stock : rows.Sum(r => r.Stock), rows.Sum(r => r.Increment), rows.Sum(r => r.BacklogIncrement),
            rows.Sum(r => r.Resolved), rows.Sum(r => r.HighLevelPetitions), rows.Sum(r => r.Petitions),
            Add(rows.Select(r => r.RepeatPetitionRate)), Add(rows.Select(r => r.OnTimeAcceptanceRate)), Add(rows.Select(r => r.OnTimeConclusionRate)),
            Add(rows.Select(r => r.EvaluationRate)), Add(rows.Select(r => r.SatisfactionRate)));
    }

    public static ReportTable Trend(IReadOnlyList<FigureRow> trend) =>
        Wide("趋势", BucketAxis.Title(trend), trend, r => r.StartLabel, overBuckets: true);

    public static ReportTable Groups(string name, string groupHeader, IReadOnlyList<FigureRow> rows, string unnamed) =>
        Wide(name, groupHeader, rows, r => r.Group ?? unnamed, overBuckets: false);

    /// <summary>上期数据更正: period, figure, as published, as restated, why.</summary>
    public static ReportTable Restated(IReadOnlyList<RestatedFigure> rows) => new(
        "上期数据更正",
        [ReportTable.Text("期间"), ReportTable.Text("指标"), new("原公布", ColumnKind.Mixed), new("更正后", ColumnKind.Mixed), ReportTable.Text("更正原因")],
        [.. rows.Select(r => new TableRow([r.Period, r.Figure, r.Published, r.Restated, r.Reasons]))]);
}
