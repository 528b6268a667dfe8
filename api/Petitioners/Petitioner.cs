using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.Villages;

namespace PetitionGraph.Api.Petitioners;

/// <summary>信访人. Name, ID number, phone and address are personal data (see PersonalDataExtensions).</summary>
public sealed class Petitioner : IEntity
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? IdNumber { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
    public int? VillageId { get; set; }
    public Village? Village { get; set; }

    public List<CasePetitioner> Cases { get; set; } = [];
}
