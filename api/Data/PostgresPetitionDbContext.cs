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
        // "Who read this petitioner's data?" looks inside the audit entries' lists.
        modelBuilder.Entity<Access.AuditEntry>().HasIndex(a => a.PetitionerIds).HasMethod("gin");
        // A report's files are stored with its run: lz4 instead of the default pglz, which spent a second compressing a
        // 55 MB page and another trying the PDF and workbook, already compressed (a key-case list at 1M: 3.1 s → 1.6 s).
        modelBuilder.Entity<Reports.ReportArtifact>().Property(a => a.Content).UseCompressionMethod("lz4");
    }
}
