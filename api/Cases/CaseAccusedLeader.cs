using PetitionGraph.Api.Leaders;

namespace PetitionGraph.Api.Cases;

/// <summary>A case that accuses a leader (or their unit): never visible to that leader (信访工作条例 Art. 30).</summary>
public sealed class CaseAccusedLeader
{
    public int CaseId { get; set; }
    public Case? Case { get; set; }
    public int LeaderId { get; set; }
    public Leader? Leader { get; set; }
}
