using PetitionGraph.Reporting.Layout;

namespace PetitionGraph.Reporting.Kinds;

/// <summary>领导包案情况汇总表: every backlog case with the leaders answerable for it.</summary>
public sealed class LeaderOwnershipReport : ReportDefinition
{
    public override ReportKind Kind => ReportKind.LeaderOwnership;

    public override string Name => "leader-ownership";

    public override string Title => "领导包案情况汇总表";

    public override bool ListsPetitioners => true;

    internal override void Lay(ReportLayoutBuilder builder, ReportData data)
    {
        builder.Section("领导包案情况汇总表", [new NotePart($"共 {data.Ownership.Count} 件。"), .. builder.Table(CaseTables.Ownership(data.Ownership))]);
    }
}
