using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL.Filtering;

namespace PetitionGraph.Api.Settlement;

/// <summary>化解方式: how a case was settled (政策解决, 调解, 帮扶救助, 依法终结, 诉讼引导 …); editable reference data.</summary>
public sealed class SettlementWay : IEntity
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameZh { get; set; }
    public bool Active { get; set; } = true;
}

[Description("救助类别: the kind of hardship assistance given when a case was settled.")]
public enum AssistanceKind
{
    [Description("低保: minimum living allowance.")]
    LivingAllowance,
    [Description("临时救助: temporary relief.")]
    TemporaryRelief,
    [Description("医疗救助: medical assistance.")]
    Medical,
    [Description("司法救助: judicial assistance.")]
    Judicial,
    [Description("信访救助: hardship assistance for petitioners.")]
    PetitionHardship,
    [Description("就业帮扶: help into work.")]
    Employment,
    [Description("其他")]
    Other,
}

public sealed class SettlementWayConfiguration : IEntityTypeConfiguration<SettlementWay>
{
    public void Configure(EntityTypeBuilder<SettlementWay> builder)
    {
        builder.Property(w => w.Code).HasMaxLength(32);
        builder.Property(w => w.NameZh).HasMaxLength(64);
        builder.HasIndex(w => w.Code).IsUnique();
    }
}

public sealed class SettlementWayShape : QueryShape<SettlementWay>
{
    public SettlementWayShape() : base("SettlementWay")
    {
        String("code", w => w.Code);
        String("nameZh", w => w.NameZh);
        Boolean("active", w => w.Active);
    }
}
