namespace PetitionGraph.Reporting;

/// <summary>
/// One bucket of figures, optionally for one group (category/village name etc.). Start/End are UTC instants;
/// StartLabel is the office-local label like "2021-05" or "2021-05-03". Stock is the backlog at End.
/// </summary>
public sealed record FigureRow(
    DateTime Start,
    DateTime End,
    string StartLabel,
    string? Group,
    int Stock,
    int Increment,
    int BacklogIncrement,
    int Resolved,
    int HighLevelPetitions,
    int Petitions,
    Rate RepeatPetitionRate,
    Rate OnTimeAcceptanceRate,
    Rate OnTimeConclusionRate,
    Rate EvaluationRate,
    Rate SatisfactionRate);
