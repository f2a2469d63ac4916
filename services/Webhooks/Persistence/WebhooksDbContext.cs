using AmbassadorNet.Messaging;
using AmbassadorNet.Persistence.Conventions;
using AmbassadorNet.Persistence.MigrationRunner;
using AmbassadorNet.Persistence.Tenancy;
using AmbassadorNet.ServiceDefaults.Idempotency;
using AmbassadorNet.Webhooks.Secrets;
using Microsoft.EntityFrameworkCore;

namespace AmbassadorNet.Webhooks.Persistence;

public sealed class WebhooksDbContext(DbContextOptions<WebhooksDbContext> options, BrandScope brandScope) : BrandScopedDbContext(options, brandScope)
{
    public static IReadOnlyList<SqlMigration> Migrations { get; } =
        MessagingMigrations.ForService(typeof(WebhooksDbContext).Assembly);

    public DbSet<WebhookSubscription> Subscriptions => Set<WebhookSubscription>();

    public DbSet<WebhookDelivery> Deliveries => Set<WebhookDelivery>();

    public DbSet<DeliveryAttempt> Attempts => Set<DeliveryAttempt>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables();
        modelBuilder.AddIdempotencyTable();
        modelBuilder.Entity<WebhookSubscription>(WebhookMapping.Configure);
        modelBuilder.Entity<WebhookDelivery>(WebhookMapping.Configure);
        modelBuilder.Entity<DeliveryAttempt>(WebhookMapping.Configure);
        modelBuilder.Entity<KeyRingEntry>(WebhookMapping.Configure);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.StoreAsSnakeCase(
            typeof(SubscriptionStatus), typeof(DeliveryStatus), typeof(AttemptOutcome));
    }
}
