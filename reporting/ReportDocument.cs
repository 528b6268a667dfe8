namespace PetitionGraph.Reporting;

/// <summary>The files a report renders to, report.html first.</summary>
public sealed record ReportDocument(ReportKind Kind, IReadOnlyList<Artifact> Artifacts)
{
    /// <summary>How long report.pdf took to draw (zero without it): logged apart, the first thing to read when a report is slow.</summary>
    public TimeSpan PdfTime { get; init; }
}
