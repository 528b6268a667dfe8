using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PetitionGraph.Api.Petitioners;

public sealed class PetitionerConfiguration : IEntityTypeConfiguration<Petitioner>
{
    public void Configure(EntityTypeBuilder<Petitioner> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(64);
        builder.Property(p => p.IdNumber).HasMaxLength(18);
        builder.Property(p => p.Phone).HasMaxLength(20);
        builder.HasIndex(p => p.IdNumber);
        builder.HasIndex(p => p.Name);

    }
}
