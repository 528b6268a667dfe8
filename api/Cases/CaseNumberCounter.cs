namespace PetitionGraph.Api.Cases;

/// <summary>The last case sequence handed out per year: case numbers are sequential per year and never reused.</summary>
public sealed class CaseNumberCounter
{
    public int Year { get; set; }
    public int Last { get; set; }

    public static bool TryParse(string text, out (int Year, int Sequence) number)
    {
        number = default;
        var parts = text.Split('-');
        if (parts.Length != 2 || parts[0].Length != 4 || parts[1].Length < 4
            || !int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var sequence))
        {
            return false;
        }
        number = (year, sequence);
        return true;
    }

    public static string Format(int year, int sequence) =>
        $"{year}-{sequence.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)}";
}
