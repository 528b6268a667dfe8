using PetitionGraph.Reporting.Charts;
using PetitionGraph.Reporting.Formatting;

namespace PetitionGraph.Reporting.Layout;

/// <summary>Collects a report's sections (HTML), sheets (XLSX) and charts as a kind lays them out.</summary>
internal sealed class ReportLayoutBuilder(OfficeClock clock)
{
    private readonly List<ReportSection> sections = [];
    private readonly List<ReportTable> sheets = [];
    private readonly List<ChartImage> charts = [];

    public OfficeClock Clock { get; } = clock;

    public void Section(string heading, IReadOnlyList<SectionPart> parts) => sections.Add(new ReportSection(heading, parts));

    public void Sheet(ReportTable table)
    {
        if (sheets.All(s => s.Name != table.Name))
        {
            sheets.Add(table);
        }
    }

    /// <summary>The table in the HTML and as a sheet; "无数据" in the HTML when it has no rows.</summary>
    public SectionPart[] Table(ReportTable table)
    {
        Sheet(table);
        return table.Rows.Count == 0 ? [new NotePart(ReportLayouts.NoData)] : [new TablePart(table)];
    }

    public SectionPart[] Chart(bool hasData, Func<ChartImage> render)
    {
        if (!hasData)
        {
            return [new NotePart(ReportLayouts.NoData)];
        }

        var chart = render();
        if (charts.All(c => c.Name != chart.Name))
        {
            charts.Add(chart);
        }

        return [new ChartPart(chart)];
    }

    public ReportLayout Build() => new(sections, sheets, charts);
}
