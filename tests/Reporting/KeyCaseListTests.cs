using PetitionGraph.Reporting;
using PetitionGraph.Reporting.Layout;

namespace PetitionGraph.Tests.Reporting;

/// <summary>
/// The key-case report's lists are sorted once and each class's list filtered from that order: every list must still
/// read by class, most national petitions first, then case number — the order LINQ's stable sort gives (the oracle).
/// </summary>
public sealed class KeyCaseListTests
{
    [Fact]
    public void Every_list_of_the_key_case_report_is_in_class_then_national_petitions_then_number_order()
    {
        var random = new Random(7);
        // Classes 1–5 and an unknown 9; few distinct national counts, so the case number decides often.
        var rows = Enumerable.Range(0, 3000).Select(i => new KeyCaseRow(
            random.Next(8) == 0 ? 9 : 1 + random.Next(5), $"2026-{random.Next(100000):D5}-{i}", $"事项{i}", "东湖村", "土地征收",
            random.Next(4), "办理中", random.Next(900))).ToList();
        var oracle = rows.OrderBy(r => r.KeyClass).ThenByDescending(r => r.NationalPetitions).ThenBy(r => r.CaseNumber, StringComparer.Ordinal).ToList();
        var context = new ReportContext("五类重点信访事项", "2026年10月", new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc), "Asia/Shanghai", "示范镇信访办", false, "ANALYST");
        var layout = ReportLayouts.Build(new ReportData(ReportKind.KeyCases, context) { KeyCases = rows });

        var sheet = layout.Sheets.Single(s => s.Name == "重点案件");
        Assert.Equal(oracle.Select(r => r.CaseNumber), Numbers(sheet, column: 1));
        Assert.Equal($"{rows.Count} 件", sheet.Rows[^1].Cells[1]);
        var lists = layout.Sections.SelectMany(s => s.Parts).OfType<TablePart>().Select(p => p.Table).Where(t => t.Name != sheet.Name).ToList();
        foreach (var (keyClass, name, _) in CaseTables.KeyClasses)
        {
            var list = lists.Single(t => t.Name == name);
            Assert.Equal(oracle.Where(r => r.KeyClass == keyClass).Select(r => r.CaseNumber), Numbers(list, column: 0));
        }
        Assert.Equal(oracle.Where(r => r.KeyClass == 9).Select(r => r.CaseNumber), Numbers(lists.Single(t => t.Name == "其他"), column: 1));
    }

    /// <summary>The case numbers of a list, without its 合计 row.</summary>
    private static List<string> Numbers(ReportTable table, int column) =>
        [.. table.Rows.Where(r => r.CssClass != "total").Select(r => (string)r.Cells[column]!)];
}
