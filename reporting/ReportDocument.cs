namespace PetitionGraph.Reporting;

/// <summary>The files a report renders to, report.html first.</summary>
public sealed record ReportDocument(ReportKind Kind, IReadOnlyList<Artifact> Artifacts);
