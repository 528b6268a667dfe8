using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.Campaigns;

/// <summary>
/// 全区数据: a figure of the whole district for a period, as the office entered it from the district's bulletin — what a
/// target such as 满意率高于全区平均 is measured against, until district figures come from the district itself.
/// Entries are never changed: a correction is a new entry for the same period, and the latest entry counts.
/// </summary>
public sealed class DistrictFigure : IEntity
{
    public int Id { get; set; }
    public CampaignFigure Figure { get; set; }
    /// <summary>The period the district measured, [From, To) in instants like a campaign's phases.</summary>
    public DateTime PeriodFrom { get; set; }
    public DateTime PeriodTo { get; set; }
    /// <summary>A rate as a fraction (0.95 = 95 %), a count as it is.</summary>
    public double Value { get; set; }
    /// <summary>Where it comes from, e.g. 区信访局 2026年第三季度通报.</summary>
    public required string Source { get; set; }
    public DateTime EnteredAt { get; set; }
    public required string EnteredBy { get; set; }
}

public sealed class DistrictFigureConfiguration : IEntityTypeConfiguration<DistrictFigure>
{
    public void Configure(EntityTypeBuilder<DistrictFigure> builder)
    {
        builder.ToTable("district_figures");
        builder.Property(f => f.Source).HasMaxLength(200);
        builder.Property(f => f.EnteredBy).HasMaxLength(200);
        builder.HasIndex(f => new { f.Figure, f.PeriodTo });
    }
}
