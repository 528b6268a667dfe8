using PetitionGraph.Reporting.Charts;

namespace PetitionGraph.Reporting.Layout;

/// <summary>What a report is made of: HTML sections, XLSX sheets and the charts both refer to.</summary>
internal sealed record ReportLayout(IReadOnlyList<ReportSection> Sections, IReadOnlyList<ReportTable> Sheets, IReadOnlyList<ChartImage> Charts)
{
    /// <summary>A wide table on the page turns the whole printed report to landscape.</summary>
    public bool HasWideTable => Sections.SelectMany(s => s.Parts).OfType<TablePart>().Any(p => p.Table.IsWide);
}
