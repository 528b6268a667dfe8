using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PetitionGraph.Api.Webhooks;

public sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.Property(s => s.Url).HasMaxLength(2000);
        builder.Property(s => s.CaseFilter).HasMaxLength(4000);
        builder.Property(s => s.Secret).HasMaxLength(100);
        builder.Property(s => s.LastError).HasMaxLength(1000);
        builder.Property(s => s.PausedReason).HasMaxLength(1000);
        builder.Property(s => s.LeaseOwner).HasMaxLength(200);
        builder.HasIndex(s => new { s.Active, s.NextAttemptAt });
        builder.HasOne(s => s.ApiClient).WithMany().HasForeignKey(s => s.ApiClientId);
    }
}

public sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.Property(d => d.MessageId).HasMaxLength(64);
        builder.Property(d => d.Error).HasMaxLength(1000);
        builder.HasIndex(d => new { d.SubscriptionId, d.Id });
        builder.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId);
    }
}
