using AmbassadorNet.Messaging;
using AmbassadorNet.Persistence.Conventions;
using AmbassadorNet.Persistence.MigrationRunner;
using AmbassadorNet.ServiceDefaults.Idempotency;

namespace AmbassadorNet.Payouts.Persistence;

public sealed class PayoutsDbContext(DbContextOptions<PayoutsDbContext> options, BrandScope brandScope) : BrandScopedDbContext(options, brandScope)
{
    public static IReadOnlyList<SqlMigration> Migrations { get; } =
        MessagingMigrations.ForService(typeof(PayoutsDbContext).Assembly);

    public DbSet<CampaignTermsVersion> TermsVersions => Set<CampaignTermsVersion>();

    public DbSet<EnrollmentVersion> EnrollmentVersions => Set<EnrollmentVersion>();

    public DbSet<LedgerAccount> Accounts => Set<LedgerAccount>();

    public DbSet<JournalTransaction> Transactions => Set<JournalTransaction>();

    public DbSet<JournalEntry> Entries => Set<JournalEntry>();

    public DbSet<CommissionAccrual> Accruals => Set<CommissionAccrual>();

    public DbSet<CommissionReversal> Reversals => Set<CommissionReversal>();

    public DbSet<PayoutSetting> Settings => Set<PayoutSetting>();

    public DbSet<PayoutHold> Holds => Set<PayoutHold>();

    public DbSet<LedgerAdjustment> Adjustments => Set<LedgerAdjustment>();

    public DbSet<CreatorPayoutProfile> PayoutProfiles => Set<CreatorPayoutProfile>();

    public DbSet<PayoutRun> Runs => Set<PayoutRun>();

    public DbSet<PayoutBatch> Batches => Set<PayoutBatch>();

    public DbSet<PayoutLine> PayoutLines => Set<PayoutLine>();

    public DbSet<PayoutLineEntry> LineEntries => Set<PayoutLineEntry>();

    public DbSet<SettlementImport> SettlementImports => Set<SettlementImport>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables();
        modelBuilder.AddIdempotencyTable();
        modelBuilder.Entity<CampaignTermsVersion>(PayoutsMapping.Configure);
        modelBuilder.Entity<EnrollmentVersion>(PayoutsMapping.Configure);
        modelBuilder.Entity<LedgerAccount>(PayoutsMapping.Configure);
        modelBuilder.Entity<JournalTransaction>(PayoutsMapping.Configure);
        modelBuilder.Entity<JournalEntry>(PayoutsMapping.Configure);
        modelBuilder.Entity<CommissionAccrual>(PayoutsMapping.Configure);
        modelBuilder.Entity<CommissionReversal>(PayoutsMapping.Configure);
        modelBuilder.Entity<PayoutSetting>(PayoutsMapping.Configure);
        modelBuilder.Entity<PayoutHold>(PayoutsMapping.Configure);
        modelBuilder.Entity<LedgerAdjustment>(PayoutsMapping.Configure);
        modelBuilder.Entity<CreatorPayoutProfile>(PayoutRunMapping.Configure);
        modelBuilder.Entity<PayoutRun>(PayoutRunMapping.Configure);
        modelBuilder.Entity<PayoutBatch>(PayoutRunMapping.Configure);
        modelBuilder.Entity<PayoutLine>(PayoutRunMapping.Configure);
        modelBuilder.Entity<PayoutLineEntry>(PayoutRunMapping.Configure);
        modelBuilder.Entity<SettlementImport>(PayoutRunMapping.Configure);
        modelBuilder.Entity<UncheckedTransaction>(queued =>
        {
            queued.ToTable("ledger_unchecked_transactions");
            queued.HasKey(q => q.TransactionId);
        });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.StoreAsSnakeCase(
            typeof(AccountKind), typeof(BatchStatus), typeof(LineStatus));
    }
}
