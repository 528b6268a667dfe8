using PetitionGraph.Reporting.Layout;

namespace PetitionGraph.Reporting.Kinds;

/// <summary>超期及临期事项清单: overdue steps and those falling due soon.</summary>
public sealed class DueListReport : ReportDefinition
{
    public override ReportKind Kind => ReportKind.DueList;

    public override string Name => "due-list";

    public override string Title => "超期及临期事项清单";

    internal override void Lay(ReportLayoutBuilder builder, ReportData data)
    {
        var overdue = data.Due.Count(r => r.DaysLeft < 0);
        var note = new NotePart($"逾期 {overdue} 件，即将到期 {data.Due.Count - overdue} 件（按剩余天数排列，负数为已逾期天数）。");
        builder.Section("逾期与即将到期事项", [note, .. builder.Table(CaseTables.Due(data.Due, builder.Clock))]);
    }
}
