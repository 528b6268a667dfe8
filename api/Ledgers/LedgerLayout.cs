using System.ComponentModel;
using System.Text.RegularExpressions;

namespace PetitionGraph.Api.Ledgers;

[Description("台账: the sheet layouts the office keeps.")]
public enum LedgerKind
{
    /// <summary>领导包案情况汇总表: 序号, 姓名, 户籍地, 诉求, 包案领导 (镇, 村), 化解措施, 进展, 时限, 备注, 案件编号.</summary>
    [Description("领导包案情况汇总表: 序号, 姓名, 户籍地, 诉求, 包案领导（镇）, 包案领导（村）, 化解措施, 进展, 时限, 备注, 案件编号; files add the title, unit and date rows and a per-leader sheet.")]
    Ownership,
    /// <summary>Case ledger: 案件编号, 登记日期, 领域, 村（社区）, 状态, 诉求.</summary>
    [Description("案件台账: 案件编号, 登记日期, 领域, 村（社区）, 状态, 诉求.")]
    Cases,
}

/// <summary>
/// The columns of each ledger as the office names them, and how they are found in a real sheet: the header may span
/// two rows (a merged "包案领导" over "镇级" and "村级"), sit below a title, and name columns a little differently.
/// </summary>
public static partial class LedgerLayout
{
    public static readonly IReadOnlyDictionary<LedgerKind, string[]> Headers = new Dictionary<LedgerKind, string[]>
    {
        [LedgerKind.Ownership] = ["序号", "姓名", "户籍地", "包案领导", "村级包案领导"],
        [LedgerKind.Cases] = ["案件编号", "登记日期", "领域", "村（社区）", "状态", "诉求"],
    };

    /// <summary>The column a header text means, or null.</summary>
    private static string? Column(LedgerKind kind, string header)
    {
        var h = Spaces().Replace(header, "");
        if (h.Length == 0)
        {
            return null;
        }
        return kind switch
        {
            LedgerKind.Ownership when h.Contains("序号", StringComparison.Ordinal) => "序号",
            LedgerKind.Ownership when h.Contains("编号", StringComparison.Ordinal) => "案件编号",
            LedgerKind.Ownership when h.Contains("姓名", StringComparison.Ordinal) || h.Contains("信访人", StringComparison.Ordinal) => "姓名",
            LedgerKind.Ownership when h.Contains("户籍", StringComparison.Ordinal) || h.Contains("住址", StringComparison.Ordinal) || h.Contains("地址", StringComparison.Ordinal) => "户籍地",
            LedgerKind.Ownership when h.Contains("领导", StringComparison.Ordinal) && (h.Contains('村', StringComparison.Ordinal) || h.Contains("社区", StringComparison.Ordinal)) => "村级包案领导",
            LedgerKind.Ownership when h.Contains("领导", StringComparison.Ordinal) => "包案领导",
            LedgerKind.Ownership when h.Contains("诉求", StringComparison.Ordinal) || h == "事项" || h.Contains("信访事项", StringComparison.Ordinal) => "诉求",
            LedgerKind.Cases when h.Contains("编号", StringComparison.Ordinal) => "案件编号",
            LedgerKind.Cases when h.Contains("日期", StringComparison.Ordinal) || h.Contains("时间", StringComparison.Ordinal) => "登记日期",
            LedgerKind.Cases when h.Contains("领域", StringComparison.Ordinal) || h.Contains("类别", StringComparison.Ordinal) => "领域",
            LedgerKind.Cases when h.Contains('村', StringComparison.Ordinal) || h.Contains("社区", StringComparison.Ordinal) => "村（社区）",
            LedgerKind.Cases when h.Contains("状态", StringComparison.Ordinal) => "状态",
            LedgerKind.Cases when h.Contains("诉求", StringComparison.Ordinal) || h.Contains("事项", StringComparison.Ordinal) => "诉求",
            _ => null,
        };
    }

    private static readonly Dictionary<LedgerKind, string[]> Required = new()
    {
        [LedgerKind.Ownership] = ["姓名", "户籍地", "包案领导"],
        [LedgerKind.Cases] = ["案件编号", "领域", "村（社区）"],
    };

    /// <summary>Finds the header (one or two rows) among the first rows; null when the sheet is not this kind of ledger.</summary>
    public static LedgerHeader? Find(LedgerGrid grid, LedgerKind kind)
    {
        var rows = grid.Rows.Where(r => r.Cells.Any(c => c.Length > 0)).Take(12).ToList();
        LedgerHeader? best = null;
        for (var i = 0; i < rows.Count; i++)
        {
            foreach (var span in new[] { 1, 2 })
            {
                if (i + span > rows.Count)
                {
                    continue;
                }
                var width = rows.Skip(i).Take(span).Max(r => r.Cells.Length);
                var columns = new Dictionary<string, int>(StringComparer.Ordinal);
                var over = "";
                for (var c = 0; c < width; c++)
                {
                    // Two header rows: a top cell stands over every column to its right that has only a lower text (a
                    // merged cell, or a CSV that left the rest of a merge empty), so join top and bottom texts.
                    var top = c < rows[i].Cells.Length ? rows[i].Cells[c] : "";
                    var bottom = span == 2 && c < rows[i + 1].Cells.Length ? rows[i + 1].Cells[c] : "";
                    over = top.Length > 0 ? top : bottom.Length > 0 ? over : "";
                    var text = span == 1 || top == bottom ? top : string.Join(" ", over, bottom).Trim();
                    if (Column(kind, text) is { } name && !columns.ContainsKey(name))
                    {
                        columns[name] = c;
                    }
                }
                // Two rows are one header only when the top one is a header itself (a title above is not) and the second
                // tells columns apart that the first alone does not (镇 / 村 under a merged 包案领导); otherwise the second
                // row is data.
                var topAlone = Columns(kind, rows[i], rows[i].Cells.Length).Count;
                if (span == 2 && (topAlone < 2 || columns.Count <= topAlone))
                {
                    continue;
                }
                if (Required[kind].All(columns.ContainsKey) && (best is null || columns.Count > best.Columns.Count))
                {
                    best = new LedgerHeader(kind, columns, rows[i + span - 1].Row);
                }
            }
            if (best is not null)
            {
                return best;
            }
        }
        return best;
    }

    private static Dictionary<string, int> Columns(LedgerKind kind, (int Row, string[] Cells) row, int width)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < width; c++)
        {
            if (Column(kind, row.Cells[c]) is { } name && !columns.ContainsKey(name))
            {
                columns[name] = c;
            }
        }
        return columns;
    }

    /// <summary>Names in one cell: spaces, 、, commas, semicolons, slashes or line breaks between them.</summary>
    /// <remarks>
    /// Spaces both separate names and stray inside them ("张 三"): a one-character piece between spaces is a stray
    /// surname or given name and joins the next piece, since no one's name is a single character.
    /// </remarks>
    public static IReadOnlyList<string> Names(string cell)
    {
        var names = new List<string>();
        foreach (var part in Separators().Split(cell))
        {
            var pieces = Spaces().Split(part.Trim()).Where(p => p.Length > 0).ToList();
            var pending = "";
            foreach (var piece in pieces)
            {
                pending += piece;
                if (pending.Length > 1)
                {
                    names.Add(pending);
                    pending = "";
                }
            }
            if (pending.Length > 0)
            {
                if (names.Count > 0 && pieces.Count > 1)
                {
                    names[^1] += pending;
                }
                else
                {
                    names.Add(pending);
                }
            }
        }
        return names;
    }

    /// <summary>"甄立账（党委副书记）" → "甄立账": a leader as this service's forms name them, with the title.</summary>
    public static string WithoutTitle(string name)
    {
        var open = name.IndexOfAny(['（', '(']);
        return open > 0 ? name[..open].Trim() : name;
    }

    [GeneratedRegex(@"[、,，;；/／\r\n]+")]
    private static partial Regex Separators();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

/// <summary>Where each column is, and the last header row (data starts below it).</summary>
public sealed record LedgerHeader(LedgerKind Kind, IReadOnlyDictionary<string, int> Columns, int LastRow)
{
    public string Cell(string[] cells, string column) =>
        Columns.TryGetValue(column, out var index) && index < cells.Length ? cells[index] : "";
}
