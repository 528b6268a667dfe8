namespace PetitionGraph.Reporting;

/// <summary>The files a report renders to, report.html first.</summary>
public sealed record ReportDocument(ReportKind Kind, IReadOnlyList<Artifact> Artifacts)
{
    /// <summary>How long report.pdf took to draw (zero without it), alongside the HTML page and the workbook: logged apart.</summary>
    public TimeSpan PdfTime { get; init; }
}
