using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PetitionGraph.Api.Cases;

public sealed class CaseActivityConfiguration : IEntityTypeConfiguration<CaseActivity>
{
    public void Configure(EntityTypeBuilder<CaseActivity> builder)
    {
        builder.Property(a => a.Summary).HasMaxLength(4000);
        builder.HasIndex(a => new { a.CaseId, a.At });

    }
}
