namespace PetitionGraph.Reporting;

/// <summary>A ratio kept as its parts, so that a report can show "95.0% (19/20)", or "—" when nothing fell due.</summary>
public sealed record Rate(int Numerator, int Denominator)
{
    public double? Value => Denominator == 0 ? null : (double)Numerator / Denominator;
}
