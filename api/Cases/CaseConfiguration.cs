using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PetitionGraph.Api.Cases;

public sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.Property(c => c.Number).HasMaxLength(16);
        builder.Property(c => c.Demand).HasMaxLength(4000);
        builder.HasIndex(c => c.Number).IsUnique();
        builder.HasIndex(c => c.Status);
        builder.HasIndex(c => c.OpenedAt);
        builder.HasIndex(c => new { c.CategoryId, c.OpenedAt });
        builder.HasIndex(c => new { c.VillageId, c.OpenedAt });
        builder.HasIndex(c => new { c.BacklogSince, c.BacklogUntil });
        builder.HasIndex(c => c.LastPetitionAt);
        builder.HasIndex(c => c.NextDueAt);
        builder.Property(c => c.Version).IsConcurrencyToken();

    }
}
