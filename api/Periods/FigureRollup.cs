using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.Petitions;
using PetitionGraph.Api.Statistics;

namespace PetitionGraph.Api.Periods;

/// <summary>
/// A closed period's figures for one grouping, kept once computed: a closed period's facts never change except by a
/// correction, which deletes its roll-ups in the correction's own transaction. One row per non-empty group, and one
/// row with no group at all that marks the grouping as rolled up (for the ungrouped set, it is the figures).
/// </summary>
public sealed class FigureRollup : IEntity
{
    public int Id { get; set; }
    public int PeriodId { get; set; }
    /// <summary>The dimensions grouped by, in enum order: "", "CATEGORY", "CATEGORY,LEADER" …</summary>
    public required string Grouping { get; set; }
    public int? CategoryId { get; set; }
    public int? VillageId { get; set; }
    public int? LeaderId { get; set; }
    public Channel? Channel { get; set; }
    public PetitionLevel? Level { get; set; }
    /// <summary><see cref="FigureCounts"/> as JSON.</summary>
    public required string Counts { get; set; }
    /// <summary>Period, grouping and group in one unique text: two instances storing the same roll-up store it once.</summary>
    public required string Key { get; set; }

    public StatisticsGroup Group => new(CategoryId, VillageId, LeaderId, Channel, Level);

    public bool IsMarker => CategoryId is null && VillageId is null && LeaderId is null && Channel is null && Level is null;

    public FigureCounts Figures => JsonSerializer.Deserialize<FigureCounts>(Counts) ?? new FigureCounts();
}

public sealed class FigureRollupConfiguration : IEntityTypeConfiguration<FigureRollup>
{
    public void Configure(EntityTypeBuilder<FigureRollup> builder)
    {
        builder.Property(r => r.Grouping).HasMaxLength(64);
        builder.Property(r => r.Counts).HasMaxLength(2000);
        builder.HasIndex(r => new { r.PeriodId, r.Grouping });
        builder.Property(r => r.Key).HasMaxLength(200);
        builder.HasIndex(r => r.Key).IsUnique();
        builder.HasOne<ClosedPeriod>().WithMany().HasForeignKey(r => r.PeriodId);
        builder.Ignore(r => r.Group);
        builder.Ignore(r => r.IsMarker);
        builder.Ignore(r => r.Figures);
    }
}
