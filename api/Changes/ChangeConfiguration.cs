using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PetitionGraph.Api.Changes;

public sealed class ChangeConfiguration : IEntityTypeConfiguration<Change>
{
    public void Configure(EntityTypeBuilder<Change> builder)
    {
        // The sequence is the key: reading 100 changes after a cursor is one range scan of the primary key.
        builder.HasKey(c => c.Sequence);
        builder.Property(c => c.Sequence).ValueGeneratedNever();
        builder.Property(c => c.EntityType).HasMaxLength(32);
        builder.HasIndex(c => new { c.CaseId, c.Sequence });
        builder.HasOne(c => c.Case).WithMany().HasForeignKey(c => c.CaseId);
    }
}

public sealed class ChangeCounterConfiguration : IEntityTypeConfiguration<ChangeCounter>
{
    public void Configure(EntityTypeBuilder<ChangeCounter> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
    }
}
