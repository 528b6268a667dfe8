namespace PetitionGraph.Reporting;

/// <summary>One file of a rendered report: report.html, report.xlsx, a chart's PNG or SVG.</summary>
public sealed record Artifact(string FileName, string ContentType, byte[] Content);
