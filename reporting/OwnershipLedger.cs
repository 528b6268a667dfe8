using System.Globalization;
using PetitionGraph.Reporting.Layout;
using PetitionGraph.Reporting.Xlsx;

namespace PetitionGraph.Reporting;

/// <summary>
/// The 领导包案台账 as a file of its own (the ledger export): the same form as in the leader-ownership report — title,
/// unit and date rows, 包案领导 over 镇 and 村, the per-leader summary — as XLSX or CSV, and its rows as a flat grid
/// of text (one header row) for the API. Leader cells read "姓名（职务）、姓名（职务）".
/// </summary>
public static class OwnershipLedger
{
    /// <summary>The grid's one-row header: the two header rows read as one.</summary>
    public static IReadOnlyList<string> FlatHeader { get; } =
        ["序号", "姓名", "户籍地", "诉求", "包案领导（镇）", "包案领导（村）", "化解措施", "进展", "时限", "备注", "案件编号"];

    private const string NoLeaderRemark = "无包案领导，须落实包案";
    private const string OverdueRemark = "期末已逾期";

    /// <summary>备注: what an office must act on.</summary>
    public static string Remarks(OwnershipRow row) =>
        string.Join("；", new[] { row.NoLeader ? NoLeaderRemark : null, row.Overdue ? OverdueRemark : null }.Where(r => r is not null));

    public static string[] Cells(OwnershipRow row) =>
    [
        row.Number.ToString(CultureInfo.InvariantCulture), row.Petitioners, row.Residence, row.Matter, row.TownLeaders, row.VillageLeaders,
        row.Measures, row.Progress, row.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", row.Remarks, row.CaseNumber,
    ];

    /// <summary>A row of the flat grid back as a row (flags from 进展 and 备注).</summary>
    public static OwnershipRow FromCells(IReadOnlyList<string> cells)
    {
        string Cell(int i) => i < cells.Count ? cells[i] : "";
        return new OwnershipRow(
            int.TryParse(Cell(0), CultureInfo.InvariantCulture, out var number) ? number : 0,
            Cell(10), Cell(1), Cell(2), Cell(3), Cell(4), Cell(5), Cell(6), Cell(7),
            DateTime.TryParseExact(Cell(8), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null,
            Cell(9))
        {
            Overdue = Cell(9).Contains(OverdueRemark, StringComparison.Ordinal),
            Resolved = Cell(7).StartsWith("已化解", StringComparison.Ordinal),
        };
    }

    /// <summary>Each leader named in the rows, town leaders first, with their cases, resolved and overdue.</summary>
    public static IReadOnlyList<LeaderOwnershipSummary> Summary(IReadOnlyList<OwnershipRow> rows)
    {
        var leaders = new Dictionary<(string Level, string Leader), (string Title, List<OwnershipRow> Rows)>();
        foreach (var row in rows)
        {
            foreach (var (level, cell) in new[] { ("镇", row.TownLeaders), ("村", row.VillageLeaders) })
            {
                foreach (var (name, title) in Leaders(cell))
                {
                    if (!leaders.TryGetValue((level, name), out var entry))
                    {
                        leaders[(level, name)] = entry = (title, []);
                    }
                    entry.Rows.Add(row);
                }
            }
        }
        return [.. leaders.OrderBy(l => l.Key.Level == "镇" ? 0 : 1).ThenByDescending(l => l.Value.Rows.Count).ThenBy(l => l.Key.Leader, StringComparer.Ordinal)
            .Select(l => new LeaderOwnershipSummary(l.Key.Leader, l.Value.Title, l.Key.Level, l.Value.Rows.Count, l.Value.Rows.Count(r => r.Resolved), l.Value.Rows.Count(r => r.Overdue)))];
    }

    /// <summary>"甄立账（党委副书记）、郝守册" → (甄立账, 党委副书记), (郝守册, "").</summary>
    public static IEnumerable<(string Name, string Title)> Leaders(string cell) =>
        cell.Split('、', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(part =>
        {
            var open = part.IndexOfAny(['（', '(']);
            return open > 0 ? (part[..open].Trim(), part[(open + 1)..].TrimEnd('）', ')').Trim()) : (part, "");
        });

    public static byte[] Xlsx(ReportContext context, IReadOnlyList<OwnershipRow> rows) =>
        XlsxReportWriter.Write(context, Tables(context, rows), about: false);

    /// <summary>The form as CSV rows: title, unit and date, the two header rows, the cases and 合计.</summary>
    public static IReadOnlyList<string[]> CsvRows(ReportContext context, IReadOnlyList<OwnershipRow> rows)
    {
        var table = Tables(context, rows)[0];
        var width = table.Columns.Count;
        var grid = table.Caption.Select(line => (string[])[line, .. Enumerable.Repeat("", width - 1)]).ToList();
        grid.Add([.. table.Columns.Select((c, i) => c.Group is null ? c.Header : i > 0 && table.Columns[i - 1].Group == c.Group ? "" : c.Group)]);
        grid.Add([.. table.Columns.Select(c => c.Group is null ? "" : c.Header)]);
        grid.AddRange(table.Rows.Select(r => r.Cells.Select(v => v switch
        {
            null => "",
            DateTime day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => v.ToString() ?? "",
        }).ToArray()));
        return grid;
    }

    private static List<ReportTable> Tables(ReportContext context, IReadOnlyList<OwnershipRow> rows) =>
        [CaseTables.Ownership(rows, context), CaseTables.OwnershipByLeader(Summary(rows), rows, context)];
}
