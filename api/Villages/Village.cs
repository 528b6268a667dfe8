using System.ComponentModel;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.Petitioners;

namespace PetitionGraph.Api.Villages;

[Description("村 or 社区: a village or an urban community.")]
public enum VillageKind
{
    [Description("村")]
    Village,
    [Description("社区")]
    Community,
}

/// <summary>村（社区）: a village or urban community of the town.</summary>
public sealed class Village : IEntity
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public VillageKind Kind { get; set; }
    public bool Active { get; set; } = true;

    /// <summary>
    /// Other names an address may use for this village: housing estates (示范苑), old names (示范大队). Stored as one
    /// text, names separated by 、; editable reference data (<c>setVillageAliases</c>).
    /// </summary>
    public string Aliases { get; set; } = "";

    public IReadOnlyList<string> AliasList => Aliases.Split(AliasSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public const char AliasSeparator = '、';

    public List<Case> Cases { get; set; } = [];
    public List<Petitioner> Petitioners { get; set; } = [];
}
