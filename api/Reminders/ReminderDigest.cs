using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.Reports.Mail;

namespace PetitionGraph.Api.Reminders;

/// <summary>
/// 每日提醒邮件: one recipient's reminders of one office day, in one message. The unique (recipient, day) makes it exist
/// once however many instances make digests; the claim (as for report mail) makes one instance send it.
/// </summary>
public sealed class ReminderDigest : IEntity
{
    public int Id { get; set; }
    public required string Recipient { get; set; }
    /// <summary>The office day, yyyy-MM-dd.</summary>
    public required string Day { get; set; }
    public required string Address { get; set; }
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedUntil { get; set; }
    public DateTime? SentAt { get; set; }
    public string? Error { get; set; }
}

/// <summary>Where a village's handlers or a leader receive their daily digest (the office's: Mail:Mailboxes:OFFICE).</summary>
public sealed class ReminderMailbox : IEntity
{
    public int Id { get; set; }
    public required string Recipient { get; set; }
    public required string Address { get; set; }
    public required string ChangedBy { get; set; }
    public DateTime ChangedAt { get; set; }
}

public sealed class ReminderDigestConfiguration : IEntityTypeConfiguration<ReminderDigest>
{
    public void Configure(EntityTypeBuilder<ReminderDigest> builder)
    {
        builder.Property(d => d.Recipient).HasMaxLength(100);
        builder.Property(d => d.Day).HasMaxLength(10);
        builder.Property(d => d.Address).HasMaxLength(320);
        builder.Property(d => d.Error).HasMaxLength(4000);
        builder.HasIndex(d => new { d.Recipient, d.Day }).IsUnique();
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
        builder.HasMany<Notification>().WithOne().HasForeignKey(n => n.DigestId);
    }
}

public sealed class ReminderMailboxConfiguration : IEntityTypeConfiguration<ReminderMailbox>
{
    public void Configure(EntityTypeBuilder<ReminderMailbox> builder)
    {
        builder.Property(m => m.Recipient).HasMaxLength(100);
        builder.Property(m => m.Address).HasMaxLength(320);
        builder.Property(m => m.ChangedBy).HasMaxLength(200);
        builder.HasIndex(m => m.Recipient).IsUnique();
    }
}
