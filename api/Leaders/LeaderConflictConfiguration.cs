using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PetitionGraph.Api.Leaders;

public sealed class LeaderConflictConfiguration : IEntityTypeConfiguration<LeaderConflict>
{
    public void Configure(EntityTypeBuilder<LeaderConflict> builder)
    {
        builder.HasKey(c => new { c.LeaderId, c.CaseId });
        builder.HasIndex(c => c.CaseId);
        builder.HasOne(c => c.Case).WithMany(c => c.Conflicts).HasForeignKey(c => c.CaseId);

    }
}
