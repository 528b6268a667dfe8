using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.Work;

namespace PetitionGraph.Api.Reminders;

[Description("提醒类别: how near or how far past its due instant a step is.")]
public enum ReminderKind
{
    [Description("即将到期: due in a few days (Reminders:DaysBefore).")]
    DueSoon,
    [Description("今日到期: due today.")]
    DueToday,
    [Description("已超期: the due instant has passed.")]
    Overdue,
    [Description("超期督办: overdue for Reminders:EscalateAfterDays days or more; sent to the office.")]
    Escalated,
}

/// <summary>
/// 提醒: one reminder about one pending step, to one recipient — the office (<c>OFFICE</c>), a village's handlers
/// (<c>VILLAGE:code</c>), a leader (<c>LEADER:id</c>) or a responsible unit (<c>UNIT:code</c>). Made once: a unique key over recipient, step, due instant,
/// kind and threshold, so instances racing cannot make it twice. Withdrawn, not deleted, when the step is done.
/// </summary>
public sealed class Notification : IEntity
{
    public int Id { get; set; }
    public required string Recipient { get; set; }
    public int CaseId { get; set; }
    public Case? Case { get; set; }
    /// <summary>The open plan step reminded of; null for the case's own step.</summary>
    public int? PlanStepId { get; set; }
    /// <summary>The referral reminded of (to its unit); null otherwise.</summary>
    public int? ReferralId { get; set; }
    public WorkKind Step { get; set; }
    /// <summary>What the reminder is about: the case's step (<c>CASE:id</c>), a plan step (<c>PLAN:id</c>) or a referral (<c>REFERRAL:id</c>).</summary>
    public required string Subject { get; set; }
    public DateTime DueAt { get; set; }
    public ReminderKind Kind { get; set; }
    /// <summary>For <see cref="ReminderKind.DueSoon"/>: the threshold in days that was reached (3, 1); else 0.</summary>
    public int Threshold { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
    public string? ReadBy { get; set; }
    public DateTime? WithdrawnAt { get; set; }
    /// <summary>The e-mail digest that carried it; null while not mailed.</summary>
    public int? DigestId { get; set; }
}

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Recipient).HasMaxLength(100);
        builder.Property(n => n.Subject).HasMaxLength(40);
        builder.Property(n => n.ReadBy).HasMaxLength(200);
        builder.HasOne(n => n.Case).WithMany().HasForeignKey(n => n.CaseId);
        builder.HasIndex(n => new { n.Recipient, n.Subject, n.DueAt, n.Kind, n.Threshold }).IsUnique();
        builder.HasIndex(n => new { n.CaseId, n.WithdrawnAt });
        builder.HasIndex(n => new { n.Recipient, n.CreatedAt });
    }
}
