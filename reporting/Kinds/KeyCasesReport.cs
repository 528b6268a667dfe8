using PetitionGraph.Reporting.Layout;

namespace PetitionGraph.Reporting.Kinds;

/// <summary>五类重点信访事项: the five classes of key cases, counted and listed.</summary>
public sealed class KeyCasesReport : ReportDefinition
{
    public override ReportKind Kind => ReportKind.KeyCases;

    public override string Name => "key-cases";

    public override string Title => "五类重点信访事项";

    internal override void Lay(ReportLayoutBuilder builder, ReportData data)
    {
        var counted = data.KeyCaseBaseline is { } baseline
            ? $"统计口径：{Formatting.Display.Date(builder.Clock.Local(baseline.From))}（专项行动“{baseline.Campaign}”基线日）以来登记的信访，截至期末。"
            : "统计口径：全部信访记录，截至期末。";
        builder.Section("五类统计", [new NotePart(counted), .. builder.Table(CaseTables.KeyClassCounts(data.KeyCases))]);
        var ordered = CaseTables.InKeyCaseOrder(data.KeyCases);
        builder.Sheet(CaseTables.KeyCases("重点案件", ordered, classColumn: true));
        if (data.KeyCases.Count == 0)
        {
            builder.Section("重点案件", [new NotePart(ReportLayouts.NoData)]);
            return;
        }

        // Each class's list, and the cases of a class the report does not know, in one pass that keeps the order.
        var byClass = CaseTables.KeyClasses.ToDictionary(k => k.Class, _ => new List<KeyCaseRow>());
        var unknown = new List<KeyCaseRow>();
        foreach (var row in ordered)
        {
            (byClass.GetValueOrDefault(row.KeyClass) ?? unknown).Add(row);
        }
        foreach (var (keyClass, name, rule) in CaseTables.KeyClasses)
        {
            var rows = byClass[keyClass];
            builder.Section($"{name}（{rule}）：{rows.Count} 件", rows.Count == 0
                ? [new NotePart(ReportLayouts.NoData)]
                : [new TablePart(CaseTables.KeyCases(name, rows, classColumn: false))]);
        }

        if (unknown.Count > 0)
        {
            builder.Section($"其他类别：{unknown.Count} 件", [new TablePart(CaseTables.KeyCases("其他", unknown, classColumn: true))]);
        }
    }
}
