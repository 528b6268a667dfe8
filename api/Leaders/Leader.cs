using System.ComponentModel;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.Villages;

namespace PetitionGraph.Api.Leaders;

[Description("领导层级: town or village leader.")]
public enum LeaderLevel
{
    [Description("镇级")]
    Town,
    [Description("村级")]
    Village,
}

/// <summary>包案领导: an official who can be made answerable for cases.</summary>
public sealed class Leader : IEntity
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Title { get; set; }
    public LeaderLevel Level { get; set; }
    public int? VillageId { get; set; }
    public Village? Village { get; set; }
    public bool Active { get; set; } = true;

    public List<LeaderAssignment> Assignments { get; set; } = [];
}
