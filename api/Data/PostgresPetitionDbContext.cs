using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Petitions;

namespace PetitionGraph.Api.Data;

/// <summary>Production. Instants are <c>timestamp with time zone</c>; names are snake_case.</summary>
public sealed class PostgresPetitionDbContext(DbContextOptions<PostgresPetitionDbContext> options)
    : PetitionDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Covering indexes for the figures (BENCHMARKS.md, issue #4): the statistics read the grouping columns of a
        // case and the petitions of a period from the index alone.
        modelBuilder.Entity<Case>().HasIndex(c => c.Id, "ix_cases_id_figures").IncludeProperties(c => new { c.CategoryId, c.VillageId });
        modelBuilder.Entity<Petition>().HasIndex(p => p.ReceivedAt).IncludeProperties(p => new { p.CaseId, p.Level, p.IsFirst });
        // The key-case list tallies each case's petitions at the levels a class comes from (ReportDataBuilder): the few
        // of them read from this index alone, in case order, instead of a scan of every petition (at 1M: 0.5 s → 0.17 s).
        // The filter is implied by the tally's condition whatever the collective threshold is.
        modelBuilder.Entity<Petition>().HasIndex(p => p.CaseId, "ix_petitions_key_class_tally").HasDatabaseName("ix_petitions_key_class_tally")
            .IncludeProperties(p => new { p.ReceivedAt, p.Level, p.ReferredFrom, p.PeopleCount })
            .HasFilter("level IN ('NATIONAL', 'PROVINCE') OR referred_from = 'CITY'");
        // "Who read this petitioner's data?" looks inside the audit entries' lists.
        modelBuilder.Entity<Access.AuditEntry>().HasIndex(a => a.PetitionerIds).HasMethod("gin");
        // A report's files are stored with its run: lz4 instead of the default pglz, which spent a second compressing a
        // 55 MB page and another trying the PDF and workbook, already compressed (a key-case list at 1M: 3.1 s → 1.6 s).
        modelBuilder.Entity<Reports.ReportArtifact>().Property(a => a.Content).UseCompressionMethod("lz4");
    }
}
