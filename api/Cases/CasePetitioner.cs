using PetitionGraph.Api.Petitioners;

namespace PetitionGraph.Api.Cases;

/// <summary>Join row: a petitioner is a party to a case.</summary>
public sealed class CasePetitioner
{
    public int CaseId { get; set; }
    public Case? Case { get; set; }
    public int PetitionerId { get; set; }
    public Petitioner? Petitioner { get; set; }
}
