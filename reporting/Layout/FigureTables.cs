using PetitionGraph.Reporting.Charts;

namespace PetitionGraph.Reporting.Layout;

/// <summary>Tables of figures: the period summary (指标 | 本期 | 目标) and the wide one-row-per-bucket-or-group shape.</summary>
internal static class FigureTables
{
    /// <summary>The period's figures one per line, with the targets that apply.</summary>
    public static ReportTable Summary(FigureRow period, double? stockTarget, IReadOnlyDictionary<string, double> rateTargets)
    {
        object? RateTarget(string name) => rateTargets.TryGetValue(name, out var t) ? new PercentValue(t) : null;
        TableRow Row(string name, object value, object? target = null) => new([name, value, target]);

        List<TableRow> rows =
        [
            Row("积案存量（期末）", period.Stock, stockTarget),
            Row("新增案件（增量）", period.Increment),
            Row("新增积案", period.BacklogIncrement),
            Row("化解积案", period.Resolved),
            Row("信访总量", period.Petitions),
            Row("赴省进京信访", period.HighLevelPetitions),
            Row("重复信访率", period.RepeatPetitionRate, RateTarget("重复信访率")),
        ];
        rows.AddRange(RatesChart.Rates.Select(r => Row(r.Name, r.Select(period), RateTarget(r.Name))));
        return new ReportTable("本期汇总", [ReportTable.Text("指标"), new("本期", ColumnKind.Mixed), new("目标", ColumnKind.Mixed)], rows);
    }

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
}
