using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PetitionGraph.Api.Cases;

public sealed class CaseDeadlineConfiguration : IEntityTypeConfiguration<CaseDeadline>
{
    public void Configure(EntityTypeBuilder<CaseDeadline> builder)
    {
        builder.HasIndex(d => d.CaseId);
        builder.HasIndex(d => new { d.Step, d.DueAt });
        builder.HasOne(d => d.Case).WithMany(c => c.Deadlines).HasForeignKey(d => d.CaseId);

    }
}
