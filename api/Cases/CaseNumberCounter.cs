namespace PetitionGraph.Api.Cases;

/// <summary>The last case sequence handed out per year: case numbers are sequential per year and never reused.</summary>
public sealed class CaseNumberCounter
{
    public int Year { get; set; }
    public int Last { get; set; }

    public static string Format(int year, int sequence) =>
        $"{year}-{sequence.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)}";
}
