namespace PetitionGraph.Reporting;

/// <summary>Where the key classes (五类) count petitions from: a campaign's baseline date (DESIGN §6).</summary>
public sealed record KeyCaseBaseline(DateTime From, string Campaign);
