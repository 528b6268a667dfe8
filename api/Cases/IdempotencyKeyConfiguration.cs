using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PetitionGraph.Api.Cases;

public sealed class IdempotencyKeyConfiguration : IEntityTypeConfiguration<IdempotencyKey>
{
    public void Configure(EntityTypeBuilder<IdempotencyKey> builder)
    {
        builder.HasKey(k => new { k.Owner, k.Key });
        builder.Property(k => k.Owner).HasMaxLength(240);
        builder.Property(k => k.Key).HasMaxLength(128);

    }
}
