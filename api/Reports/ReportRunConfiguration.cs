using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PetitionGraph.Api.Reports;

public sealed class ReportRunConfiguration : IEntityTypeConfiguration<ReportRun>
{
    public void Configure(EntityTypeBuilder<ReportRun> builder)
    {
        builder.Property(r => r.Report).HasMaxLength(64);
        builder.Property(r => r.Period).HasMaxLength(32);
        builder.Property(r => r.ScheduleKey).HasMaxLength(128);
        builder.Property(r => r.Error).HasMaxLength(4000);
        builder.HasIndex(r => r.ScheduleKey).IsUnique();
        builder.HasIndex(r => new { r.Status, r.NextAttemptAt });
        builder.HasIndex(r => new { r.Report, r.Period });
        builder.HasMany(r => r.Artifacts).WithOne().HasForeignKey(a => a.RunId);

    }
}
