using AmbassadorNet.Messaging;
using AmbassadorNet.Persistence.Conventions;
using AmbassadorNet.Persistence.MigrationRunner;
using AmbassadorNet.Persistence.Tenancy;
using AmbassadorNet.ServiceDefaults.Idempotency;

namespace AmbassadorNet.Creators.Persistence;

public sealed class CreatorsDbContext(DbContextOptions<CreatorsDbContext> options, BrandScope brandScope) : BrandScopedDbContext(options, brandScope)
{
    public static IReadOnlyList<SqlMigration> Migrations { get; } =
        MessagingMigrations.ForService(typeof(CreatorsDbContext).Assembly);

    public DbSet<Creator> Creators => Set<Creator>();

    public DbSet<SocialAccount> Accounts => Set<SocialAccount>();

    public DbSet<StatSnapshot> Snapshots => Set<StatSnapshot>();

    public DbSet<TierChange> TierChanges => Set<TierChange>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables();
        modelBuilder.AddIdempotencyTable();
        modelBuilder.Entity<Creator>(CreatorMapping.Configure);
        modelBuilder.Entity<SocialAccount>(CreatorMapping.Configure);
        modelBuilder.Entity<StatSnapshot>(CreatorMapping.Configure);
        modelBuilder.Entity<TierChange>(CreatorMapping.Configure);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.StoreAsSnakeCase(
            typeof(CreatorStatus), typeof(Tier), typeof(Platform), typeof(PayoutMethod), typeof(TaxFormStatus));
    }
}
