namespace PetitionGraph.Reporting;

/// <summary>A case in one of the five key-case classes (五类), KeyClass 1–5.</summary>
public sealed record KeyCaseRow(
    int KeyClass,
    string CaseNumber,
    string Title,
    string Village,
    string Category,
    int NationalPetitions,
    string Status,
    int DaysOpen);
