using System.ComponentModel;
using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.Cases;

/// <summary>A step with a statutory due instant, as the official rates count them (DESIGN §6).</summary>
public enum DeadlineStep
{
    [Description("告知: decide acceptance within the notice limit (及时受理率).")]
    Notice,
    [Description("办结: conclude within the (extended) limit after acceptance or reopening (按期办结率).")]
    Conclusion,
    [Description("参评: the petitioner may evaluate a reply within the evaluation window (参评率).")]
    Evaluation,
}

/// <summary>
/// One due step of a case and when it was done, derived from the events by the projector in the same transaction.
/// A row's due instant only moves while it lies in the future (an extension), and a row is only dropped while it
/// lies in the future (the case was settled first) — so every figure for a past period is fixed once it has passed.
/// </summary>
public sealed class CaseDeadline : IEntity
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public Case? Case { get; set; }
    public DeadlineStep Step { get; set; }
    public DateTime DueAt { get; set; }
    /// <summary>When the step was done (decision, written reply, evaluation); after <see cref="DueAt"/> means late.</summary>
    public DateTime? MetAt { get; set; }

    public bool MetOnTime => MetAt is { } met && met <= DueAt;
}
