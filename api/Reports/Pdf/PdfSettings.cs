namespace PetitionGraph.Api.Reports.Pdf;

/// <summary>Configuration section <c>Reports:Pdf</c>: report.pdf is drawn with every report unless turned off.</summary>
public sealed record PdfSettings
{
    public bool Enabled { get; init; } = true;

    public static PdfSettings From(IConfiguration configuration) =>
        configuration.GetSection("Reports:Pdf").Get<PdfSettings>() ?? new PdfSettings();
}
