using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PetitionGraph.Api.Leaders;

public sealed class LeaderAssignmentConfiguration : IEntityTypeConfiguration<LeaderAssignment>
{
    public void Configure(EntityTypeBuilder<LeaderAssignment> builder)
    {
        builder.HasIndex(a => new { a.LeaderId, a.CaseId });
        builder.HasIndex(a => a.CaseId);
        // FROM and TO are SQL keywords; analysts should not have to quote columns.
        builder.Property(a => a.From).HasColumnName("valid_from");
        builder.Property(a => a.To).HasColumnName("valid_to");

    }
}
