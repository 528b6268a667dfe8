namespace PetitionGraph.Api.Cases;

/// <summary>
/// A caller's retry key for registerPetition: a retry by the same caller with the same key returns the first result and
/// creates nothing. Keys belong to the caller that made them (<see cref="Owner"/>): the same key from anyone else is a
/// request of its own, so a key can never be replayed to read another caller's case.
/// </summary>
public sealed class IdempotencyKey
{
    /// <summary>The owner of the keys that remember which ledger rows were imported (a row's content, or its case number).</summary>
    public const string LedgerOwner = "LEDGER";

    /// <summary>Role and token subject of the caller that made the key (<c>OFFICE:clerk-1</c>, <c>INTEGRATION:district</c>).</summary>
    public required string Owner { get; set; }
    public required string Key { get; set; }
    public int CaseId { get; set; }
    public int PetitionId { get; set; }
    public DateTime CreatedAt { get; set; }
}
