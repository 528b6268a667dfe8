using PetitionGraph.Api.Cases;

namespace PetitionGraph.Api.Leaders;

/// <summary>回避 (Art. 28): a leader's declared direct interest in a case; such a leader cannot be assigned to it.</summary>
public sealed class LeaderConflict
{
    public int LeaderId { get; set; }
    public Leader? Leader { get; set; }
    public int CaseId { get; set; }
    public Case? Case { get; set; }
    public required string Reason { get; set; }
    public DateTime DeclaredAt { get; set; }
}
