using System.ComponentModel;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.Units;

[Description("交办状态: where a referral stands.")]
public enum ReferralStatus
{
    [Description("已交办: referred, waiting for the unit to take it.")]
    Referred,
    [Description("已签收: the unit took it and works on it.")]
    Accepted,
    [Description("已反馈: the unit replied with its measures and result.")]
    Replied,
    [Description("已退回: the unit returned it (not its matter), with the reason.")]
    Returned,
}

/// <summary>
/// 交办: one part of a case referred to one responsible unit, with a due date and instructions. Several units may
/// hold referrals of one case at once (联合会商), each answering for its part. Every change is also a case event.
/// </summary>
public sealed class Referral : IEntity
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public Case? Case { get; set; }
    public int UnitId { get; set; }
    public ResponsibleUnit? Unit { get; set; }
    /// <summary>Which demand of the case this unit answers for; null: the whole case.</summary>
    public string? Part { get; set; }
    public required string Instructions { get; set; }
    public DateTime DueAt { get; set; }
    public ReferralStatus Status { get; set; }
    public DateTime ReferredAt { get; set; }
    public required string ReferredBy { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public DateTime? RepliedAt { get; set; }
    public string? Measures { get; set; }
    public string? Result { get; set; }
    public DateTime? ReturnedAt { get; set; }
    public string? ReturnReason { get; set; }
    public int Urges { get; set; }
    public DateTime? LastUrgedAt { get; set; }

    /// <summary>Waiting on the unit: neither answered nor returned.</summary>
    public static readonly Expression<Func<Referral, bool>> Open = r => r.Status == ReferralStatus.Referred || r.Status == ReferralStatus.Accepted;
}

public sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.Property(r => r.Part).HasMaxLength(1000);
        builder.Property(r => r.Instructions).HasMaxLength(2000);
        builder.Property(r => r.Measures).HasMaxLength(4000);
        builder.Property(r => r.Result).HasMaxLength(4000);
        builder.Property(r => r.ReturnReason).HasMaxLength(2000);
        builder.Property(r => r.ReferredBy).HasMaxLength(200);
        builder.HasOne(r => r.Case).WithMany(c => c.Referrals).HasForeignKey(r => r.CaseId);
        builder.HasOne(r => r.Unit).WithMany(u => u.Referrals).HasForeignKey(r => r.UnitId);
        builder.HasIndex(r => new { r.CaseId, r.UnitId });
        builder.HasIndex(r => new { r.UnitId, r.Status, r.DueAt });
    }
}

/// <summary>Which cases a UNIT account sees: those with a referral to its unit that it has not returned.</summary>
public static class ReferralScope
{
    public static Expression<Func<Case, bool>> ReferredTo(string unit) =>
        c => c.Referrals.Any(r => r.Unit!.Code == unit && r.Status != ReferralStatus.Returned);
}
