using AmbassadorNet.Webhooks.EventLog;
using AmbassadorNet.Webhooks.Secrets;

namespace AmbassadorNet.Webhooks.Persistence;

public sealed class WebhooksDbContext(DbContextOptions<WebhooksDbContext> options, BrandScope brandScope) : ServiceDbContext<WebhooksDbContext>(options, brandScope)
{
    public DbSet<WebhookSubscription> Subscriptions => Set<WebhookSubscription>();

    public DbSet<WebhookDelivery> Deliveries => Set<WebhookDelivery>();

    public DbSet<DeliveryAttempt> Attempts => Set<DeliveryAttempt>();

    public DbSet<PartnerEvent> PartnerEvents => Set<PartnerEvent>();

    public DbSet<PartnerEventHead> PartnerEventHeads => Set<PartnerEventHead>();

    protected override IEnumerable<Type> EnumsStoredAsText =>
        [typeof(SubscriptionStatus), typeof(DeliveryStatus), typeof(AttemptOutcome)];
}
