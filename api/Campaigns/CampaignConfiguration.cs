using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PetitionGraph.Api.Campaigns;

public sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasMany(c => c.Phases).WithOne().HasForeignKey(p => p.CampaignId);
        builder.HasMany(c => c.Targets).WithOne().HasForeignKey(t => t.CampaignId);

    }
}
