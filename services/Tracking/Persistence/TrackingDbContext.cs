using AmbassadorNet.Messaging;
using AmbassadorNet.Persistence.MigrationRunner;
using AmbassadorNet.Persistence.Tenancy;
using AmbassadorNet.ServiceDefaults.Idempotency;

namespace AmbassadorNet.Tracking.Persistence;

public sealed class TrackingDbContext(DbContextOptions<TrackingDbContext> options, BrandScope brandScope) : BrandScopedDbContext(options, brandScope)
{
    public static IReadOnlyList<SqlMigration> Migrations { get; } =
        MessagingMigrations.ForService(typeof(TrackingDbContext).Assembly);

    public DbSet<CampaignReplica> Campaigns => Set<CampaignReplica>();

    public DbSet<EnrollmentReplica> Enrollments => Set<EnrollmentReplica>();

    public DbSet<TrackingLink> Links => Set<TrackingLink>();

    public DbSet<PromoCode> PromoCodes => Set<PromoCode>();

    public DbSet<Click> Clicks => Set<Click>();

    public DbSet<Conversion> Conversions => Set<Conversion>();

    public DbSet<ConversionRefund> Refunds => Set<ConversionRefund>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables();
        modelBuilder.AddIdempotencyTable();
        modelBuilder.Entity<CampaignReplica>(TrackingMapping.Configure);
        modelBuilder.Entity<EnrollmentReplica>(TrackingMapping.Configure);
        modelBuilder.Entity<TrackingLink>(TrackingMapping.Configure);
        modelBuilder.Entity<PromoCode>(TrackingMapping.Configure);
        modelBuilder.Entity<Click>(TrackingMapping.Configure);
        modelBuilder.Entity<Conversion>(ConversionMapping.Configure);
        modelBuilder.Entity<ConversionRefund>(ConversionMapping.Configure);
        modelBuilder.Entity<ConversionMonthRank>(ConversionMapping.Configure);
    }
}
