namespace AmbassadorNet.Analytics.Persistence;

public sealed class AnalyticsDbContext(DbContextOptions<AnalyticsDbContext> options, BrandScope brandScope) : ServiceDbContext<AnalyticsDbContext>(options, brandScope)
{
    public DbSet<DailyRollup> Rollups => Set<DailyRollup>();

    public DbSet<CampaignDimension> Campaigns => Set<CampaignDimension>();

    public DbSet<CreatorDimension> Creators => Set<CreatorDimension>();

    public DbSet<CampaignSpend> Spend => Set<CampaignSpend>();

    public DbSet<BudgetThreshold> BudgetThresholds => Set<BudgetThreshold>();

    public DbSet<PostDimension> Posts => Set<PostDimension>();

    public DbSet<PostDailyRollup> PostRollups => Set<PostDailyRollup>();

    public DbSet<PostMetricSnapshot> PostMetrics => Set<PostMetricSnapshot>();

    public DbSet<ExperimentDimension> Experiments => Set<ExperimentDimension>();

    public DbSet<PaidAdDay> PaidAdDays => Set<PaidAdDay>();
}
