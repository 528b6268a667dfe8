namespace PetitionGraph.Reporting.Charts;

/// <summary>The title of a time axis, from the shape of its bucket labels ("2021-05" is a month).</summary>
internal static class BucketAxis
{
    public static string Title(IReadOnlyList<FigureRow> rows)
    {
        if (rows.Count == 0)
        {
            return "统计期";
        }

        var label = rows[0].StartLabel;
        return label.Length switch
        {
            4 => "年度",
            7 when label.Contains('Q', StringComparison.OrdinalIgnoreCase) => "季度",
            7 when label.Contains('W', StringComparison.OrdinalIgnoreCase) => "周",
            7 when label[4] == '-' => "月份",
            10 when SameYearDays(rows) => $"日期({label[..4]}年)",
            10 => "日期",
            _ => "统计期",
        };
    }

    /// <summary>
    /// What a chart's title says it covers, so that a chart pasted into a document still says what it is:
    /// "2025-11 至 2026-10，单位：件".
    /// </summary>
    public static string Caption(IReadOnlyList<FigureRow> rows, string unit) =>
        rows.Count == 0 ? $"单位：{unit}"
        : rows.Count == 1 || rows[0].StartLabel == rows[^1].StartLabel ? $"{rows[0].StartLabel}，单位：{unit}"
        : $"{rows[0].StartLabel} 至 {rows[^1].StartLabel}，单位：{unit}";

    /// <summary>Tick labels: days of one year lose the year ("05-03"), which the axis title then carries.</summary>
    public static IReadOnlyList<string> TickLabels(IReadOnlyList<FigureRow> rows) =>
        SameYearDays(rows) ? [.. rows.Select(r => r.StartLabel[5..])] : [.. rows.Select(r => r.StartLabel)];

    private static bool SameYearDays(IReadOnlyList<FigureRow> rows) =>
        rows.Count > 0 && rows.All(r => r.StartLabel.Length == 10 && r.StartLabel[4] == '-' && r.StartLabel[..4] == rows[0].StartLabel[..4]);
}
