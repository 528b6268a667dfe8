using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.Statistics;

namespace PetitionGraph.Api.Periods;

/// <summary>
/// A closed period (DESIGN §6): its scheduled report was produced, or the office closed it. Its town-wide figures as
/// published are kept with it, so that "as published" can be answered however the records are corrected since.
/// </summary>
public sealed class ClosedPeriod : IEntity
{
    public int Id { get; set; }
    /// <summary>2026-10, 2026-Q3, 2026 … (office time), as reports name periods.</summary>
    public required string Period { get; set; }
    public DateTime Start { get; set; }
    public DateTime End { get; set; }
    public DateTime ClosedAt { get; set; }
    /// <summary>"schedule" (its scheduled report was produced) or the account that closed it.</summary>
    public required string ClosedBy { get; set; }
    /// <summary>The town-wide <see cref="FigureCounts"/> when it closed, as JSON.</summary>
    public required string Published { get; set; }

    public FigureCounts PublishedCounts => JsonSerializer.Deserialize<FigureCounts>(Published) ?? new FigureCounts();
}

/// <summary>
/// 数据更正: an entry dated before the end of the last closed period — the record must be true, so it is accepted —
/// with the reason given for it. Later reports list the figures of the closed periods it restated.
/// </summary>
public sealed class Correction : IEntity
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public int? PetitionId { get; set; }
    /// <summary>The instant the entry is dated at (e.g. when the petition was received).</summary>
    public DateTime DatedAt { get; set; }
    public DateTime RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
    public required string Reason { get; set; }
    /// <summary>What was entered: registerPetition, ledger import …</summary>
    public required string Entry { get; set; }
}

public sealed class ClosedPeriodConfiguration : IEntityTypeConfiguration<ClosedPeriod>
{
    public void Configure(EntityTypeBuilder<ClosedPeriod> builder)
    {
        builder.Property(p => p.Period).HasMaxLength(32);
        builder.Property(p => p.Published).HasMaxLength(4000);
        builder.HasIndex(p => p.Period).IsUnique();
        builder.HasIndex(p => p.End);
        builder.Ignore(p => p.PublishedCounts);
    }
}

public sealed class CorrectionConfiguration : IEntityTypeConfiguration<Correction>
{
    public void Configure(EntityTypeBuilder<Correction> builder)
    {
        builder.Property(c => c.Reason).HasMaxLength(1000);
        builder.Property(c => c.Entry).HasMaxLength(64);
        builder.HasIndex(c => c.RecordedAt);
        builder.HasIndex(c => c.DatedAt);
        builder.HasOne<Cases.Case>().WithMany().HasForeignKey(c => c.CaseId);
        builder.HasOne<Petitions.Petition>().WithMany().HasForeignKey(c => c.PetitionId);
    }
}
