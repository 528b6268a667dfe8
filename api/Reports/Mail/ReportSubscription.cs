using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.Reports.Mail;

/// <summary>
/// Who receives a scheduled report by e-mail: an address, or a role's mailbox (configuration <c>Mail:Mailboxes</c>)
/// when no address is given. The role is the one the recipient holds: only roles that see every case may receive
/// reports, and a report with names only roles that may read them.
/// </summary>
public sealed class ReportSubscription : IEntity
{
    public int Id { get; set; }
    /// <summary>The report's name (monthly-overview, due-list, …).</summary>
    public required string Report { get; set; }
    /// <summary>Null: the mailbox configured for <see cref="Role"/>.</summary>
    public string? Address { get; set; }
    public Role Role { get; set; }
    public bool Active { get; set; } = true;
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}

[Description("What a mail delivery carries.")]
public enum DeliveryKind
{
    [Description("A scheduled report that succeeded, its PDF and workbook attached.")]
    Report,
    [Description("To the administrator: a scheduled report failed for good.")]
    RunFailed,
    [Description("To the administrator: a report could not be mailed to a subscriber.")]
    DeliveryFailed,
}

[Description("Where a mail delivery stands.")]
public enum DeliveryStatus
{
    [Description("Waiting to be sent (or retried at nextAttemptAt).")]
    Pending,
    [Description("Claimed by an instance and being sent.")]
    Sending,
    [Description("Accepted by the mail server.")]
    Sent,
    [Description("Every attempt failed; the administrator is told.")]
    Failed,
}

/// <summary>
/// One message to one address about one run. The unique (run, kind, address) makes it exist once however many
/// instances finish the same run; the claim (a conditional UPDATE, as for report runs) makes one instance send it.
/// </summary>
public sealed class ReportDelivery : IEntity
{
    public int Id { get; set; }
    public int RunId { get; set; }
    public int? SubscriptionId { get; set; }
    public DeliveryKind Kind { get; set; }
    public required string Address { get; set; }
    /// <summary>What the message is about, for a notice (the failed run's or delivery's error).</summary>
    public string? Detail { get; set; }
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedUntil { get; set; }
    public DateTime? SentAt { get; set; }
    public string? Error { get; set; }
}

public sealed class ReportSubscriptionConfiguration : IEntityTypeConfiguration<ReportSubscription>
{
    public void Configure(EntityTypeBuilder<ReportSubscription> builder)
    {
        builder.Property(s => s.Report).HasMaxLength(64);
        builder.Property(s => s.Address).HasMaxLength(320);
        builder.HasIndex(s => new { s.Report, s.Active });
    }
}

public sealed class ReportDeliveryConfiguration : IEntityTypeConfiguration<ReportDelivery>
{
    public void Configure(EntityTypeBuilder<ReportDelivery> builder)
    {
        builder.Property(d => d.Address).HasMaxLength(320);
        builder.Property(d => d.Detail).HasMaxLength(4000);
        builder.Property(d => d.Error).HasMaxLength(4000);
        builder.HasIndex(d => new { d.RunId, d.Kind, d.Address }).IsUnique();
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
        builder.HasOne<ReportRun>().WithMany().HasForeignKey(d => d.RunId);
        builder.HasOne<ReportSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId);
    }
}
