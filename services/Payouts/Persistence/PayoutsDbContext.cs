using AmbassadorNet.ServiceDefaults.Approvals;
namespace AmbassadorNet.Payouts.Persistence;

public sealed class PayoutsDbContext(DbContextOptions<PayoutsDbContext> options, BrandScope brandScope) : ServiceDbContext<PayoutsDbContext>(options, brandScope)
{
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

    public DbSet<PayoutLineEntrySet> LineEntrySets => Set<PayoutLineEntrySet>();

    public DbSet<SettlementImport> SettlementImports => Set<SettlementImport>();

    public DbSet<GiftReceipt> GiftReceipts => Set<GiftReceipt>();

    public DbSet<Approval> Approvals => Set<Approval>();

    public DbSet<ApprovalPolicySetting> ApprovalPolicies => Set<ApprovalPolicySetting>();

    protected override IEnumerable<Type> EnumsStoredAsText =>
        [typeof(AccountKind), typeof(BatchStatus), typeof(LineStatus)];
}
