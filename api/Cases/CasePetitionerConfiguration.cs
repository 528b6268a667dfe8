using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PetitionGraph.Api.Cases;

public sealed class CasePetitionerConfiguration : IEntityTypeConfiguration<CasePetitioner>
{
    public void Configure(EntityTypeBuilder<CasePetitioner> builder)
    {
        builder.HasKey(cp => new { cp.CaseId, cp.PetitionerId });
        builder.HasIndex(cp => cp.PetitionerId);
        builder.HasOne(cp => cp.Case).WithMany(c => c.Petitioners).HasForeignKey(cp => cp.CaseId);
        builder.HasOne(cp => cp.Petitioner).WithMany(p => p.Cases).HasForeignKey(cp => cp.PetitionerId);

    }
}
