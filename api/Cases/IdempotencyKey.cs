namespace PetitionGraph.Api.Cases;

/// <summary>An integration's retry key for registerPetition: a retry returns the first result and creates nothing.</summary>
public sealed class IdempotencyKey
{
    public required string Key { get; set; }
    public int CaseId { get; set; }
    public int PetitionId { get; set; }
    public DateTime CreatedAt { get; set; }
}
