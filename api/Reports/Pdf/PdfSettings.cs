namespace PetitionGraph.Api.Reports.Pdf;

/// <summary>Configuration section <c>Reports:Pdf</c>.</summary>
public sealed record PdfSettings
{
    public bool Enabled { get; init; } = true;
    /// <summary>The Chromium executable; looked for on the PATH (chromium, chromium-browser, google-chrome) when not set.</summary>
    public string? Chromium { get; init; }
    public double TimeoutSeconds { get; init; } = 60;

    public static PdfSettings From(IConfiguration configuration) =>
        configuration.GetSection("Reports:Pdf").Get<PdfSettings>() ?? new PdfSettings();
}
