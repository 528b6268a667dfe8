using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PetitionGraph.Api.Cases;

public sealed class CaseAccusedLeaderConfiguration : IEntityTypeConfiguration<CaseAccusedLeader>
{
    public void Configure(EntityTypeBuilder<CaseAccusedLeader> builder)
    {
        builder.HasKey(a => new { a.CaseId, a.LeaderId });
        builder.HasIndex(a => a.LeaderId);
        builder.HasOne(a => a.Case).WithMany(c => c.AccusedLeaders).HasForeignKey(a => a.CaseId);

    }
}
