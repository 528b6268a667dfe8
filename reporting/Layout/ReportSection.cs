namespace PetitionGraph.Reporting.Layout;

/// <summary>A headed part of the HTML report.</summary>
internal sealed record ReportSection(string Heading, IReadOnlyList<SectionPart> Parts);
