using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Campaigns;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Categories;
using PetitionGraph.Api.Leaders;
using PetitionGraph.Api.Petitioners;
using PetitionGraph.Api.Petitions;
using PetitionGraph.Api.Reports;
using PetitionGraph.Api.Villages;

namespace PetitionGraph.Api.Data;

/// <summary>
/// The model, shared by both providers. Each provider has its own subclass only so that each keeps its
/// own migrations (SQLite and PostgreSQL DDL differ).
/// </summary>
public abstract class PetitionDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Village> Villages => Set<Village>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Leader> Leaders => Set<Leader>();
    public DbSet<Petitioner> Petitioners => Set<Petitioner>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CasePetitioner> CasePetitioners => Set<CasePetitioner>();
    public DbSet<CaseAccusedLeader> CaseAccusedLeaders => Set<CaseAccusedLeader>();
    public DbSet<Petition> Petitions => Set<Petition>();
    public DbSet<LeaderAssignment> LeaderAssignments => Set<LeaderAssignment>();
    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();
    public DbSet<CaseActivity> CaseActivities => Set<CaseActivity>();
    public DbSet<Evaluation> Evaluations => Set<Evaluation>();
    public DbSet<CaseNumberCounter> CaseNumberCounters => Set<CaseNumberCounter>();
    public DbSet<IdempotencyKey> IdempotencyKeys => Set<IdempotencyKey>();
    public DbSet<LeaderConflict> LeaderConflicts => Set<LeaderConflict>();
    public DbSet<CasePlanStep> CasePlanSteps => Set<CasePlanStep>();
    public DbSet<CaseBacklogInterval> CaseBacklogIntervals => Set<CaseBacklogInterval>();
    public DbSet<CaseDeadline> CaseDeadlines => Set<CaseDeadline>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<ReportRun> ReportRuns => Set<ReportRun>();
    public DbSet<ReportArtifact> ReportArtifacts => Set<ReportArtifact>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ApiClient> ApiClients => Set<ApiClient>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        foreach (var enumType in typeof(PetitionDbContext).Assembly.GetTypes().Where(IsStoredEnum))
        {
            var converter = typeof(EnumNameConverter<>).MakeGenericType(enumType);
            configurationBuilder.Properties(enumType).HaveConversion(converter).HaveMaxLength(32);
        }
        configurationBuilder.Properties<string>().HaveMaxLength(400);
    }

    private static bool IsStoredEnum(Type type) =>
        type.IsEnum && type.Namespace is { } ns && ns.StartsWith("PetitionGraph.Api.", StringComparison.Ordinal);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Village>(e =>
        {
            e.HasIndex(v => v.Code).IsUnique();
            e.Property(v => v.Code).HasMaxLength(32);
            e.Property(v => v.Name).HasMaxLength(64);
        });
        modelBuilder.Entity<Category>(e =>
        {
            e.HasIndex(c => c.Code).IsUnique();
            e.Property(c => c.Code).HasMaxLength(32);
        });
        modelBuilder.Entity<Leader>(e =>
        {
            e.Property(l => l.Name).HasMaxLength(64);
            e.HasIndex(l => l.Name);
        });
        modelBuilder.Entity<Petitioner>(e =>
        {
            e.Property(p => p.Name).HasMaxLength(64);
            e.Property(p => p.IdNumber).HasMaxLength(18);
            e.Property(p => p.Phone).HasMaxLength(20);
            e.HasIndex(p => p.IdNumber);
            e.HasIndex(p => p.Name);
        });
        modelBuilder.Entity<Case>(e =>
        {
            e.Property(c => c.Number).HasMaxLength(16);
            e.Property(c => c.Demand).HasMaxLength(4000);
            e.HasIndex(c => c.Number).IsUnique();
            e.HasIndex(c => c.Status);
            e.HasIndex(c => c.OpenedAt);
            e.HasIndex(c => new { c.CategoryId, c.OpenedAt });
            e.HasIndex(c => new { c.VillageId, c.OpenedAt });
            e.HasIndex(c => new { c.BacklogSince, c.BacklogUntil });
            e.HasIndex(c => c.LastPetitionAt);
            e.HasIndex(c => c.NextDueAt);
            e.Property(c => c.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<CasePetitioner>(e =>
        {
            e.HasKey(cp => new { cp.CaseId, cp.PetitionerId });
            e.HasIndex(cp => cp.PetitionerId);
            e.HasOne(cp => cp.Case).WithMany(c => c.Petitioners).HasForeignKey(cp => cp.CaseId);
            e.HasOne(cp => cp.Petitioner).WithMany(p => p.Cases).HasForeignKey(cp => cp.PetitionerId);
        });
        modelBuilder.Entity<CaseAccusedLeader>(e =>
        {
            e.HasKey(a => new { a.CaseId, a.LeaderId });
            e.HasIndex(a => a.LeaderId);
            e.HasOne(a => a.Case).WithMany(c => c.AccusedLeaders).HasForeignKey(a => a.CaseId);
        });
        modelBuilder.Entity<Petition>(e =>
        {
            e.HasIndex(p => new { p.CaseId, p.ReceivedAt });
            e.HasIndex(p => p.ReceivedAt);
            e.HasIndex(p => new { p.Level, p.ReceivedAt });
            // A case has exactly one 初信初访; figures grouped by channel or level take its channel and level as the case's.
            e.HasIndex(p => p.CaseId, "ix_petitions_one_first_per_case").IsUnique().HasFilter("is_first");
        });
        modelBuilder.Entity<LeaderAssignment>(e =>
        {
            e.HasIndex(a => new { a.LeaderId, a.CaseId });
            e.HasIndex(a => a.CaseId);
            // FROM and TO are SQL keywords; analysts should not have to quote columns.
            e.Property(a => a.From).HasColumnName("valid_from");
            e.Property(a => a.To).HasColumnName("valid_to");
        });
        modelBuilder.Entity<CaseEvent>(e =>
        {
            e.Property(ev => ev.Note).HasMaxLength(4000);
            e.HasIndex(ev => new { ev.CaseId, ev.At });
            e.HasIndex(ev => new { ev.Kind, ev.At });
        });
        modelBuilder.Entity<CaseActivity>(e =>
        {
            e.Property(a => a.Summary).HasMaxLength(4000);
            e.HasIndex(a => new { a.CaseId, a.At });
        });
        modelBuilder.Entity<Evaluation>(e => e.HasIndex(ev => new { ev.CaseId, ev.At }));
        modelBuilder.Entity<CaseBacklogInterval>(e =>
        {
            e.HasIndex(i => i.CaseId);
            e.HasIndex(i => new { i.EnteredAt, i.LeftAt });
            e.HasOne(i => i.Case).WithMany(c => c.BacklogIntervals).HasForeignKey(i => i.CaseId);
        });
        modelBuilder.Entity<CaseDeadline>(e =>
        {
            e.HasIndex(d => d.CaseId);
            e.HasIndex(d => new { d.Step, d.DueAt });
            e.HasOne(d => d.Case).WithMany(c => c.Deadlines).HasForeignKey(d => d.CaseId);
        });
        modelBuilder.Entity<Campaign>(e =>
        {
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasMany(c => c.Phases).WithOne().HasForeignKey(p => p.CampaignId);
            e.HasMany(c => c.Targets).WithOne().HasForeignKey(t => t.CampaignId);
        });
        modelBuilder.Entity<ReportRun>(e =>
        {
            e.Property(r => r.Report).HasMaxLength(64);
            e.Property(r => r.Period).HasMaxLength(32);
            e.Property(r => r.ScheduleKey).HasMaxLength(128);
            e.Property(r => r.Error).HasMaxLength(4000);
            e.HasIndex(r => r.ScheduleKey).IsUnique();
            e.HasIndex(r => new { r.Status, r.NextAttemptAt });
            e.HasIndex(r => new { r.Report, r.Period });
            e.HasMany(r => r.Artifacts).WithOne().HasForeignKey(a => a.RunId);
        });
        modelBuilder.Entity<ApiClient>(e =>
        {
            e.Property(c => c.Name).HasMaxLength(100);
            e.Property(c => c.KeyHash).HasMaxLength(64);
            e.Property(c => c.Scopes).HasMaxLength(200);
            e.HasIndex(c => c.KeyHash).IsUnique();
            e.HasIndex(c => c.Name).IsUnique();
        });
        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.Property(a => a.Actor).HasMaxLength(200);
            e.Property(a => a.Role).HasMaxLength(32);
            e.Property(a => a.Action).HasMaxLength(32);
            e.Property(a => a.Subject).HasMaxLength(200);
            e.Property(a => a.Fields).HasMaxLength(200);
            e.HasIndex(a => a.At);
            e.HasIndex(a => new { a.Actor, a.At });
        });
        modelBuilder.Entity<ReportArtifact>(e =>
        {
            e.Property(a => a.FileName).HasMaxLength(200);
            e.Property(a => a.ContentType).HasMaxLength(100);
            e.HasIndex(a => new { a.RunId, a.FileName }).IsUnique();
        });
        modelBuilder.Entity<CasePlanStep>(e =>
        {
            e.Property(s => s.Description).HasMaxLength(1000);
            e.Property(s => s.Owner).HasMaxLength(64);
            e.HasIndex(s => new { s.CaseId, s.SupersededAt, s.Position });
        });
        modelBuilder.Entity<IdempotencyKey>(e =>
        {
            e.HasKey(k => new { k.Owner, k.Key });
            e.Property(k => k.Owner).HasMaxLength(240);
            e.Property(k => k.Key).HasMaxLength(128);
        });
        modelBuilder.Entity<LeaderConflict>(e =>
        {
            e.HasKey(c => new { c.LeaderId, c.CaseId });
            e.HasIndex(c => c.CaseId);
            e.HasOne(c => c.Case).WithMany(c => c.Conflicts).HasForeignKey(c => c.CaseId);
        });
        modelBuilder.Entity<CaseNumberCounter>(e =>
        {
            e.HasKey(c => c.Year);
            e.Property(c => c.Year).ValueGeneratedNever();
        });

        foreach (var fk in modelBuilder.Model.GetEntityTypes().SelectMany(t => t.GetForeignKeys()))
        {
            // Nothing that cases point to is ever hard-deleted through the API. Backlog intervals and deadlines are derived
            // data: when a history is re-derived, the intervals it no longer implies are deleted (orphans).
            fk.DeleteBehavior = DerivedFromEvents.Contains(fk.DeclaringEntityType.ClrType) ? DeleteBehavior.Cascade : DeleteBehavior.Restrict;
        }
        Query.SqlLiteral.Map(modelBuilder);
    }

    /// <summary>Rows that belong wholly to their parent: derived from its events, or parts replaced with it.</summary>
    private static readonly HashSet<Type> DerivedFromEvents = [typeof(CaseBacklogInterval), typeof(CaseDeadline), typeof(CampaignPhase), typeof(CampaignTarget), typeof(ReportArtifact)];

    private sealed class EnumNameConverter<TEnum>() : ValueConverter<TEnum, string>(
        v => EnumNames.Name(v),
        s => EnumNames.Parse<TEnum>(s))
        where TEnum : struct, Enum;
}
