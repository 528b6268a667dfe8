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
    public DbSet<CampaignHead> CampaignHeads => Set<CampaignHead>();
    public DbSet<CampaignCase> CampaignCases => Set<CampaignCase>();
    public DbSet<CampaignTargetRevision> CampaignTargetRevisions => Set<CampaignTargetRevision>();
    public DbSet<DistrictFigure> DistrictFigures => Set<DistrictFigure>();
    public DbSet<ReportRun> ReportRuns => Set<ReportRun>();
    public DbSet<ReportArtifact> ReportArtifacts => Set<ReportArtifact>();
    public DbSet<Reports.Mail.ReportSubscription> ReportSubscriptions => Set<Reports.Mail.ReportSubscription>();
    public DbSet<Reports.Mail.ReportDelivery> ReportDeliveries => Set<Reports.Mail.ReportDelivery>();
    public DbSet<Periods.ClosedPeriod> ClosedPeriods => Set<Periods.ClosedPeriod>();
    public DbSet<Periods.Correction> Corrections => Set<Periods.Correction>();
    public DbSet<Periods.FigureRollup> FigureRollups => Set<Periods.FigureRollup>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ApiClient> ApiClients => Set<ApiClient>();
    public DbSet<Changes.Change> Changes => Set<Changes.Change>();
    public DbSet<Changes.ChangeCounter> ChangeCounters => Set<Changes.ChangeCounter>();
    public DbSet<Webhooks.WebhookSubscription> WebhookSubscriptions => Set<Webhooks.WebhookSubscription>();
    public DbSet<Webhooks.WebhookDelivery> WebhookDeliveries => Set<Webhooks.WebhookDelivery>();
    public DbSet<Settlement.SettlementWay> SettlementWays => Set<Settlement.SettlementWay>();
    public DbSet<Teams.Team> Teams => Set<Teams.Team>();
    public DbSet<Teams.TeamMember> TeamMembers => Set<Teams.TeamMember>();
    public DbSet<Units.ResponsibleUnit> ResponsibleUnits => Set<Units.ResponsibleUnit>();
    public DbSet<Units.Referral> Referrals => Set<Units.Referral>();
    public DbSet<Reminders.Notification> Notifications => Set<Reminders.Notification>();
    public DbSet<Reminders.ReminderDigest> ReminderDigests => Set<Reminders.ReminderDigest>();
    public DbSet<Reminders.ReminderMailbox> ReminderMailboxes => Set<Reminders.ReminderMailbox>();

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
        // Each entity's keys, indexes and relations are configured beside the entity (IEntityTypeConfiguration in its folder).
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PetitionDbContext).Assembly);
        foreach (var fk in modelBuilder.Model.GetEntityTypes().SelectMany(t => t.GetForeignKeys()))
        {
            // Nothing that cases point to is ever hard-deleted through the API. Backlog intervals and deadlines are derived
            // data: when a history is re-derived, the intervals it no longer implies are deleted (orphans).
            fk.DeleteBehavior = DerivedFromEvents.Contains(fk.DeclaringEntityType.ClrType) ? DeleteBehavior.Cascade : DeleteBehavior.Restrict;
        }
        Query.SqlLiteral.Map(modelBuilder);
    }

    /// <summary>Rows that belong wholly to their parent: derived from its events, or parts replaced with it.</summary>
    private static readonly HashSet<Type> DerivedFromEvents = [typeof(CaseBacklogInterval), typeof(CaseDeadline), typeof(CampaignPhase), typeof(CampaignTarget), typeof(CampaignHead), typeof(ReportArtifact)];

    private sealed class EnumNameConverter<TEnum>() : ValueConverter<TEnum, string>(
        v => EnumNames.Name(v),
        s => EnumNames.Parse<TEnum>(s))
        where TEnum : struct, Enum;
}
