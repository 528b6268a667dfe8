using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PetitionGraph.Api.Petitions;

public sealed class PetitionConfiguration : IEntityTypeConfiguration<Petition>
{
    public void Configure(EntityTypeBuilder<Petition> builder)
    {
        builder.HasIndex(p => new { p.CaseId, p.ReceivedAt });
        builder.HasIndex(p => p.ReceivedAt);
        builder.HasIndex(p => new { p.Level, p.ReceivedAt });
        // A case has exactly one 初信初访; figures grouped by channel or level take its channel and level as the case's.
        builder.HasIndex(p => p.CaseId, "ix_petitions_one_first_per_case").IsUnique().HasFilter("is_first");

    }
}
