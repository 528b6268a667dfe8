using System.ComponentModel;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.Leaders;

[Description("包案角色: the part a leader answers for.")]
public enum AssignmentRole
{
    [Description("镇级包案领导: the town-level leader answerable for the case.")]
    TownLead,
    [Description("村级包案领导: the village-level leader answerable for the case.")]
    VillageLead,
}

/// <summary>包案: a leader made answerable for a case from one instant until (optionally) another.</summary>
public sealed class LeaderAssignment : IEntity
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public Case? Case { get; set; }
    public int LeaderId { get; set; }
    public Leader? Leader { get; set; }
    public AssignmentRole Role { get; set; }
    public DateTime From { get; set; }
    public DateTime? To { get; set; }
}
