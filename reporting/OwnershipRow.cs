namespace PetitionGraph.Reporting;

/// <summary>
/// One row of 领导包案情况汇总表. Petitioners is already masked or not by the caller (e.g. "张*、李*").
/// </summary>
public sealed record OwnershipRow(
    int Number,
    string CaseNumber,
    string Petitioners,
    string Village,
    string TownLeaders,
    string VillageLeader,
    string Status,
    int DaysOpen);
