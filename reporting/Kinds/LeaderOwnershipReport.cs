using PetitionGraph.Reporting.Layout;

namespace PetitionGraph.Reporting.Kinds;

/// <summary>领导包案情况汇总表: every case in the backlog during the period, with the leaders answerable for it, and each leader's summary.</summary>
public sealed class LeaderOwnershipReport : ReportDefinition
{
    public override ReportKind Kind => ReportKind.LeaderOwnership;

    public override string Name => "leader-ownership";

    public override string Title => "领导包案情况汇总表";

    public override bool ListsPetitioners => true;

    internal override void Lay(ReportLayoutBuilder builder, ReportData data)
    {
        var rows = data.Ownership;
        var flags = string.Concat(
            rows.Any(r => r.NoLeader) ? $"其中无包案领导 {rows.Count(r => r.NoLeader)} 件（标黄），须落实包案。" : "",
            rows.Any(r => r.Overdue) ? $"期末逾期 {rows.Count(r => r.Overdue)} 件。" : "");
        builder.Section("领导包案情况汇总表",
        [
            new NotePart($"本期在积案中的事项共 {rows.Count} 件，其中本期化解 {rows.Count(r => r.Resolved)} 件。{flags}"),
            .. builder.Table(CaseTables.Ownership(rows, data.Context)),
        ]);
        builder.Section("包案领导汇总", [.. builder.Table(CaseTables.OwnershipByLeader(OwnershipLedger.Summary(rows), rows, data.Context))]);
    }
}
