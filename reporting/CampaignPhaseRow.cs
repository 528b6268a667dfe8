namespace PetitionGraph.Reporting;

/// <summary>A campaign phase, e.g. "排查", with its date range; Current marks the phase in force.</summary>
public sealed record CampaignPhaseRow(string Phase, DateTime From, DateTime To, bool Current);
