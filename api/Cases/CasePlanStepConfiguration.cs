using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PetitionGraph.Api.Cases;

public sealed class CasePlanStepConfiguration : IEntityTypeConfiguration<CasePlanStep>
{
    public void Configure(EntityTypeBuilder<CasePlanStep> builder)
    {
        builder.Property(s => s.Description).HasMaxLength(1000);
        builder.Property(s => s.Owner).HasMaxLength(64);
        builder.HasIndex(s => new { s.CaseId, s.SupersededAt, s.Position });

    }
}
