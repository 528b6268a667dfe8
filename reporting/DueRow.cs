namespace PetitionGraph.Reporting;

/// <summary>A step due or overdue. DueAt is a UTC instant; DaysLeft &lt; 0 means overdue by that many days.</summary>
public sealed record DueRow(
    string CaseNumber,
    string Title,
    string Village,
    string Category,
    string Step,
    DateTime DueAt,
    int DaysLeft,
    string Leaders);
