using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PetitionGraph.Api.Cases;

public sealed class CaseBacklogIntervalConfiguration : IEntityTypeConfiguration<CaseBacklogInterval>
{
    public void Configure(EntityTypeBuilder<CaseBacklogInterval> builder)
    {
        builder.HasIndex(i => i.CaseId);
        builder.HasIndex(i => new { i.EnteredAt, i.LeftAt });
        builder.HasOne(i => i.Case).WithMany(c => c.BacklogIntervals).HasForeignKey(i => i.CaseId);

    }
}
