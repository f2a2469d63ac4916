using AmbassadorNet.Messaging;
using AmbassadorNet.Persistence.MigrationRunner;
using AmbassadorNet.Persistence.Tenancy;
using AmbassadorNet.ServiceDefaults.Idempotency;

namespace AmbassadorNet.Analytics.Persistence;

public sealed class AnalyticsDbContext(DbContextOptions<AnalyticsDbContext> options, BrandScope brandScope) : BrandScopedDbContext(options, brandScope)
{
    public static IReadOnlyList<SqlMigration> Migrations { get; } =
        MessagingMigrations.ForService(typeof(AnalyticsDbContext).Assembly);

    public DbSet<DailyRollup> Rollups => Set<DailyRollup>();

    public DbSet<CampaignDimension> Campaigns => Set<CampaignDimension>();

    public DbSet<CreatorDimension> Creators => Set<CreatorDimension>();

    public DbSet<CampaignSpend> Spend => Set<CampaignSpend>();

    public DbSet<BudgetThreshold> BudgetThresholds => Set<BudgetThreshold>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables();
        modelBuilder.AddIdempotencyTable();
        modelBuilder.Entity<DailyRollup>(AnalyticsMapping.Configure);
        modelBuilder.Entity<CampaignDailyRollup>(AnalyticsMapping.Configure);
        modelBuilder.Entity<AppliedFact>(AnalyticsMapping.Configure);
        modelBuilder.Entity<CampaignDimension>(AnalyticsMapping.Configure);
        modelBuilder.Entity<CreatorDimension>(AnalyticsMapping.Configure);
        modelBuilder.Entity<CampaignSpend>(AnalyticsMapping.Configure);
        modelBuilder.Entity<BudgetThreshold>(AnalyticsMapping.Configure);
    }
}
