namespace PetitionGraph.Reporting;

/// <summary>
/// One row of the 领导包案台账, as the case stood at the period's end. Petitioners and Residence are already masked
/// or not by the caller (e.g. "张*、李*" and the village instead of the address); leaders carry their titles
/// ("甄立账（党委副书记）"). Deadline is the next step due (office-local date), null when none is open.
/// </summary>
public sealed record OwnershipRow(
    int Number,
    string CaseNumber,
    string Petitioners,
    string Residence,
    string Matter,
    string TownLeaders,
    string VillageLeaders,
    string Measures,
    string Progress,
    DateTime? Deadline,
    string Remarks)
{
    /// <summary>No leader answers for it: flagged in the table, as an office must act on it.</summary>
    public bool NoLeader => TownLeaders.Length == 0 && VillageLeaders.Length == 0;

    /// <summary>A step was overdue at the period's end.</summary>
    public bool Overdue { get; init; }

    /// <summary>Settled (化解) within the period: it left the backlog.</summary>
    public bool Resolved { get; init; }
}

/// <summary>One leader's line of the per-leader summary (包案领导汇总): cases owned in the period, resolved, overdue at its end.</summary>
public sealed record LeaderOwnershipSummary(string Leader, string Title, string Level, int Cases, int Resolved, int Overdue);
