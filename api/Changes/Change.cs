using PetitionGraph.Api.Cases;

namespace PetitionGraph.Api.Changes;

/// <summary>
/// One entry of the change feed: something happened to a case (an event, a repeat petition) or to reference data.
/// Sequences are handed out in commit order (<see cref="ChangeLog"/>), so a consumer that resumes after the last
/// sequence it saw never misses one and never sees one twice. No personal data: kinds and ids only.
/// </summary>
public sealed class Change
{
    public long Sequence { get; set; }

    /// <summary>When the change was committed (office clock).</summary>
    public DateTime At { get; set; }

    public ChangeKind Kind { get; set; }

    public int? CaseId { get; set; }
    public Case? Case { get; set; }

    /// <summary>What changed: Case, Petition, Village, Leader, Category or Campaign.</summary>
    public required string EntityType { get; set; }
    public int EntityId { get; set; }

    /// <summary>For a case event, the event (a row of the case's history).</summary>
    public int? EventId { get; set; }
}

/// <summary>The last change sequence handed out (one row).</summary>
public sealed class ChangeCounter
{
    public int Id { get; set; }
    public long Last { get; set; }
}
