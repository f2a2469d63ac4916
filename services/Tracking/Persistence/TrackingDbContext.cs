namespace AmbassadorNet.Tracking.Persistence;

public sealed class TrackingDbContext(DbContextOptions<TrackingDbContext> options, BrandScope brandScope) : ServiceDbContext<TrackingDbContext>(options, brandScope)
{
    public DbSet<CampaignReplica> Campaigns => Set<CampaignReplica>();

    public DbSet<EnrollmentReplica> Enrollments => Set<EnrollmentReplica>();

    public DbSet<PostReplica> Posts => Set<PostReplica>();

    public DbSet<ErasedCreator> ErasedCreators => Set<ErasedCreator>();

    public DbSet<TrackingLink> Links => Set<TrackingLink>();

    public DbSet<PromoCode> PromoCodes => Set<PromoCode>();

    public DbSet<Click> Clicks => Set<Click>();

    public DbSet<Conversion> Conversions => Set<Conversion>();

    public DbSet<ConversionRefund> Refunds => Set<ConversionRefund>();
}
