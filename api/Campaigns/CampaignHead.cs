using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.Leaders;

namespace PetitionGraph.Api.Campaigns;

/// <summary>牵头领导: a leader named at a campaign's head, with the duty the plan gives them (组长, 副组长 …).</summary>
public sealed class CampaignHead : IEntity
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public int LeaderId { get; set; }
    public Leader? Leader { get; set; }
    public required string Duty { get; set; }
    /// <summary>The order the plan names them in.</summary>
    public int Position { get; set; }
}

/// <summary>A case on a campaign's list (its 台账): when and by whom it was put there.</summary>
public sealed class CampaignCase
{
    public int CampaignId { get; set; }
    public Campaign? Campaign { get; set; }
    public int CaseId { get; set; }
    public Cases.Case? Case { get; set; }
    public DateTime AddedAt { get; set; }
    public required string AddedBy { get; set; }
}

public sealed class CampaignHeadConfiguration : IEntityTypeConfiguration<CampaignHead>
{
    public void Configure(EntityTypeBuilder<CampaignHead> builder)
    {
        builder.ToTable("campaign_heads");
        builder.Property(h => h.Duty).HasMaxLength(32);
        builder.HasOne<Campaign>().WithMany(c => c.Heads).HasForeignKey(h => h.CampaignId);
        builder.HasOne(h => h.Leader).WithMany().HasForeignKey(h => h.LeaderId);
    }
}

public sealed class CampaignCaseConfiguration : IEntityTypeConfiguration<CampaignCase>
{
    public void Configure(EntityTypeBuilder<CampaignCase> builder)
    {
        builder.ToTable("campaign_cases");
        builder.HasKey(c => new { c.CampaignId, c.CaseId });
        builder.HasIndex(c => c.CaseId);
        builder.Property(c => c.AddedBy).HasMaxLength(200);
        builder.HasOne(c => c.Campaign).WithMany().HasForeignKey(c => c.CampaignId);
        builder.HasOne(c => c.Case).WithMany(c => c.CampaignCases).HasForeignKey(c => c.CaseId);
    }
}

public sealed class CampaignTargetRevisionConfiguration : IEntityTypeConfiguration<CampaignTargetRevision>
{
    public void Configure(EntityTypeBuilder<CampaignTargetRevision> builder)
    {
        builder.ToTable("campaign_target_revisions");
        builder.Property(r => r.SetBy).HasMaxLength(200);
        builder.Property(r => r.ReplacedBy).HasMaxLength(200);
        builder.HasOne<Campaign>().WithMany(c => c.TargetHistory).HasForeignKey(r => r.CampaignId);
    }
}
