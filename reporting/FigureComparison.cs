namespace PetitionGraph.Reporting;

/// <summary>What an overview compares its period with: the period before, the same period a year earlier, the year to date.</summary>
public sealed record FigureComparison(FigureRow? Previous, FigureRow? LastYear, FigureRow? YearToDate);
