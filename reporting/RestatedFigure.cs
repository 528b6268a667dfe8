namespace PetitionGraph.Reporting;

/// <summary>
/// 上期数据更正: one figure of a closed period that corrections recorded in the report's period changed — as published
/// and as it stands now (an int for a count, a <see cref="Rate"/> for a rate) — and why (each correction's case and reason).
/// </summary>
public sealed record RestatedFigure(string Period, string Figure, object Published, object Restated, string Reasons);
