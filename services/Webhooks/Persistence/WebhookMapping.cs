using AmbassadorNet.Webhooks.Secrets;
using AmbassadorNet.Webhooks.Security;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AmbassadorNet.Webhooks.Persistence;

/// <summary>How the webhook entities map to the tables of Migrations/*.sql.</summary>
internal sealed class WebhookMapping :
    IEntityTypeConfiguration<WebhookSubscription>,
    IEntityTypeConfiguration<WebhookDelivery>,
    IEntityTypeConfiguration<KeyRingEntry>,
    IEntityTypeConfiguration<DeliveryAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> subscription)
    {
        subscription.ToTable("webhook_subscriptions");
        subscription.Property(s => s.Url).HasMaxLength(UrlRules.MaxLength);
        subscription.Property(s => s.Description).HasMaxLength(500);
        subscription.Property(s => s.Secret).HasMaxLength(500);
        subscription.Property(s => s.PreviousSecret).HasMaxLength(500);
        subscription.Property(s => s.DisabledReason).HasMaxLength(100);
        subscription.HasIndex(s => new { s.BrandId, s.Status });
    }

    public void Configure(EntityTypeBuilder<WebhookDelivery> delivery)
    {
        delivery.ToTable("webhook_deliveries");
        delivery.Property(d => d.WebhookId).HasMaxLength(100);
        delivery.Property(d => d.EventType).HasMaxLength(200);
        delivery.Property(d => d.LeaseId).IsConcurrencyToken(); // a worker whose lease was taken over cannot write
        delivery.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId);
        delivery.HasIndex(d => new { d.SubscriptionId, d.EventId }).IsUnique(); // one delivery per event and subscription
        delivery.HasIndex(d => new { d.SubscriptionId, d.CreatedAt });
        delivery.HasIndex(d => new { d.Status, d.NextAttemptAt });
        delivery.HasIndex(d => new { d.BrandId, d.CreatorId }).HasFilter("creator_id IS NOT NULL"); // erasure scrubs a creator's payloads
    }

    public void Configure(EntityTypeBuilder<KeyRingEntry> entry)
    {
        entry.ToTable("data_protection_keys");
        entry.Property(e => e.Id).UseIdentityAlwaysColumn();
    }

    public void Configure(EntityTypeBuilder<DeliveryAttempt> attempt)
    {
        attempt.ToTable("webhook_delivery_attempts");
        attempt.Property(a => a.Error).HasMaxLength(1000);
        attempt.HasOne<WebhookDelivery>().WithMany().HasForeignKey(a => a.DeliveryId);
        attempt.HasIndex(a => new { a.DeliveryId, a.Number }).IsUnique();
    }
}
