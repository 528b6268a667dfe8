using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.Units;

[Description("责任单位类别: what kind of body a responsible unit is.")]
public enum UnitKind
{
    [Description("部门: a department of the town government (农业农村办, 城建办 …).")]
    Department,
    [Description("站所: a station or office of a higher authority in the town (派出所, 司法所, 供电所 …).")]
    Station,
    [Description("企业: a company that answers for its part (物业, 供水 …).")]
    Company,
    [Description("其他")]
    Other,
}

/// <summary>责任单位: a department, station or company of the town that cases are referred to (属事属地); editable reference data.</summary>
public sealed class ResponsibleUnit : IEntity
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public UnitKind Kind { get; set; }
    public bool Active { get; set; } = true;

    public List<Referral> Referrals { get; set; } = [];
}

public sealed class ResponsibleUnitConfiguration : IEntityTypeConfiguration<ResponsibleUnit>
{
    public void Configure(EntityTypeBuilder<ResponsibleUnit> builder)
    {
        builder.ToTable("responsible_units");
        builder.HasIndex(u => u.Code).IsUnique();
        builder.Property(u => u.Code).HasMaxLength(32);
        builder.Property(u => u.Name).HasMaxLength(64);
    }
}
