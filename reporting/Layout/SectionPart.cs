using PetitionGraph.Reporting.Charts;

namespace PetitionGraph.Reporting.Layout;

/// <summary>One block of a section: a table, a chart or a line of text (such as "无数据").</summary>
internal abstract record SectionPart;

internal sealed record TablePart(ReportTable Table) : SectionPart;

internal sealed record ChartPart(ChartImage Chart) : SectionPart;

internal sealed record NotePart(string Text) : SectionPart;
