using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PetitionGraph.Api.Reports;

public sealed class ReportArtifactConfiguration : IEntityTypeConfiguration<ReportArtifact>
{
    public void Configure(EntityTypeBuilder<ReportArtifact> builder)
    {
        builder.Property(a => a.FileName).HasMaxLength(200);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.HasIndex(a => new { a.RunId, a.FileName }).IsUnique();

    }
}
