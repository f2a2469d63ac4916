using AmbassadorNet.Messaging;
using AmbassadorNet.Persistence.Conventions;
using AmbassadorNet.Persistence.MigrationRunner;
using AmbassadorNet.Persistence.Tenancy;
using AmbassadorNet.ServiceDefaults.Idempotency;

namespace AmbassadorNet.Campaigns.Persistence;

public sealed class CampaignsDbContext(DbContextOptions<CampaignsDbContext> options, BrandScope brandScope) : BrandScopedDbContext(options, brandScope)
{
    public static IReadOnlyList<SqlMigration> Migrations { get; } =
        MessagingMigrations.ForService(typeof(CampaignsDbContext).Assembly);

    public DbSet<Campaign> Campaigns => Set<Campaign>();

    public DbSet<CampaignTermsVersion> TermsVersions => Set<CampaignTermsVersion>();

    public DbSet<Enrollment> Enrollments => Set<Enrollment>();

    public DbSet<Deliverable> Deliverables => Set<Deliverable>();

    public DbSet<CreatorReplica> Creators => Set<CreatorReplica>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables();
        modelBuilder.AddIdempotencyTable();
        modelBuilder.Entity<Campaign>(CampaignMapping.Configure);
        modelBuilder.Entity<CampaignTermsVersion>(CampaignMapping.Configure);
        modelBuilder.Entity<Enrollment>(CampaignMapping.Configure);
        modelBuilder.Entity<Deliverable>(CampaignMapping.Configure);
        modelBuilder.Entity<CreatorReplica>(CampaignMapping.Configure);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.StoreAsSnakeCase(
            typeof(CampaignStatus), typeof(Objective), typeof(EnrollmentStatus), typeof(DeliverableType), typeof(DeliverableStatus));
    }
}
